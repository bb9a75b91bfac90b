import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/preview/index.js';
import { loadConfig } from '../../src/workspace/index.js';
import { useTempDirs, type FileTree, type TempDir } from '../helpers/temp-dir.js';
import { launchChromium } from './chromium.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

export interface Viewport {
  width: number;
  height: number;
}

export interface PreviewHarness {
  /** A temporary copy of templates/: tests edit it freely. */
  workspace: string;
  server: PreviewServer;
  /** Absolute path of `relative` inside the workspace copy. */
  file: (relative: string) => string;
  /** A fresh page (its own storage; 1440×900 unless `viewport` says otherwise) with the preview open, the first render on screen. */
  openPage(hash?: string, viewport?: Viewport): Promise<Page>;
  close(): Promise<void>;
}

/** Copies templates/ to a temp folder and serves it on a random port; Chromium starts with the first page. */
export async function startHarness(): Promise<PreviewHarness> {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'txkit-preview-'));
  await cp(path.join(repoRoot, 'templates'), workspace, { recursive: true });
  const { config } = await loadConfig(workspace, { workspace });
  const server = await startPreviewServer({ config, port: 0, logLevel: 'silent' });
  let browser: Promise<Browser> | undefined;
  return {
    workspace,
    server,
    file: (relative) => path.join(workspace, ...relative.split('/')),
    async openPage(hash = '', viewport = { width: 1440, height: 900 }) {
      browser ??= launchChromium();
      const page = await (await browser).newPage({ viewport });
      await page.goto(server.url + hash);
      await page.locator('[data-testid=message-title]:not(:empty)').waitFor();
      return page;
    },
    async close() {
      await (await browser)?.close();
      await server.close();
      await rm(workspace, { recursive: true, force: true });
    },
  };
}

export function emailFrame(page: Page): FrameLocator {
  return page.frameLocator('[data-testid=email-frame]');
}

/** The visible text of the rendered email, '' while the frame is between documents. */
export async function emailText(page: Page): Promise<string> {
  try {
    return await emailFrame(page).locator('body').innerText({ timeout: 1_000 });
  } catch {
    return '';
  }
}

/** The text in the sample editor (CodeMirror: one element per line, an empty line holds only a <br>). */
export async function sampleEditorText(page: Page): Promise<string> {
  return (await page.locator('[data-testid=sample-editor] .cm-line').allTextContents()).join('\n');
}

/** Saves a screenshot for people to look at (test-results/ is git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

export interface OpenedPreview {
  page: Page;
  server: PreviewServer;
  project: TempDir;
  /** Absolute path of `relative` inside the workspace (`templates/`). */
  file: (relative: string) => string;
  /** Every uncaught page error and console error so far. */
  errors: string[];
}

/**
 * Call at the top of a test file: returns a function that serves a fresh project holding
 * `files` (the workspace is its `templates/`) and opens `hash` in Chromium, recording every
 * uncaught page error and console error. Server, browser and folder go after each test.
 */
export function usePreviewOf(): (files: FileTree, hash: string) => Promise<OpenedPreview> {
  const makeTempDir = useTempDirs();
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async (files, hash) => {
    const project = await makeTempDir(files);
    const { config } = await loadConfig(project.root);
    const server = await startPreviewServer({ config, port: 0, logLevel: 'silent' });
    cleanups.push(() => server.close());
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (entry) => {
      if (entry.type() === 'error') errors.push(`console: ${entry.text()}`);
    });
    await page.goto(server.url + hash);
    await page.locator('[data-testid=message-title]:not(:empty)').waitFor();
    return { page, server, project, file: (relative) => project.path(`templates/${relative}`), errors };
  };
}
