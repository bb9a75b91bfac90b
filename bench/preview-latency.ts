/**
 * Save → updated preview, in Chromium, timed with the browser's own clock.
 *
 * For each edit the template file is written (Node notes Date.now() just before) and a
 * MutationObserver in the page notes Date.now() when the email frame's `srcdoc` first holds
 * the edit's marker (the frame is sandboxed, so its document cannot be observed; its srcdoc
 * attribute can). Both are the machine's wall clock, with no polling noise in the result.
 *
 * The anchor is what a plain Vite app does with a static HTML file: the file is edited, Vite
 * sends a full reload, and the reloaded page's DOMContentLoaded (performance.timeOrigin plus
 * the navigation entry's domContentLoadedEventEnd) is when the new content is on screen.
 *
 * Run: npx tsx bench/preview-latency.ts [--edits N]   (writes bench/results/preview-latency.json)
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createServer } from 'vite';
import { startPreviewServer } from '../src/preview/index.js';
import { loadConfig } from '../src/workspace/index.js';
import { launchChromium } from '../test/browser/chromium.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface LatencyStats {
  name: string;
  edits: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  samplesMs: number[];
}

export interface PreviewLatencyResult {
  benchmark: 'preview-latency';
  date: string;
  machine: { cpus: number; cpuModel: string; node: string };
  /** Save → frame updated, per example message. */
  txkit: LatencyStats[];
  /** Save → reloaded page, plain Vite with a static index.html. */
  anchor: LatencyStats;
  /** Median of the MJML case over the anchor's median: below 1 means faster than a Vite full reload. */
  ratio: number;
}

export interface PreviewLatencyOptions {
  /** Timed edits per case (after warm-up). Default 25. */
  edits?: number;
  /** Warm-up edits per case, not timed. Default 3. */
  warmup?: number;
  /**
   * Time between edits, so each save is a separate event for the watcher (chokidar drops a
   * second change within 50 ms) and the validation that follows a render is done. Default 400.
   */
  spacingMs?: number;
}

function stats(name: string, samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  // Nearest-rank percentile.
  const p95 = sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)]!;
  return { name, edits: samples.length, medianMs: median, p95Ms: p95, minMs: sorted[0]!, maxMs: sorted.at(-1)!, samplesMs: samples };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a number; gives up after `timeoutMs`. */
async function waitForNumber(probe: () => Promise<number | undefined>, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(5);
  }
  throw new Error(`no update within ${timeoutMs} ms`);
}

/**
 * Installed before the preview's scripts: notes when each marker first reaches the email
 * frame's srcdoc. Page code, so it is kept as source text (this file is type-checked for Node).
 */
const observeFrameMarkers = `
  const seen = {};
  window.benchSeen = seen;
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.target.getAttribute('data-testid') !== 'email-frame') continue;
      const marker = /bench-marker-(\\d+)/.exec(record.target.getAttribute('srcdoc') ?? '')?.[1];
      if (marker !== undefined && !(marker in seen)) seen[marker] = Date.now();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['srcdoc'] });
`;

/** When the reloaded page showing `bench-marker-N` finished parsing (its DOMContentLoaded), else undefined. */
const reloadedAt = (marker: number) => `(() => {
  const navigation = performance.getEntriesByType('navigation')[0];
  if (document.getElementById('content')?.textContent !== 'bench-marker-${marker}' || !navigation || navigation.domContentLoadedEventEnd === 0) return undefined;
  return performance.timeOrigin + navigation.domContentLoadedEventEnd;
})()`;

/** Vite's client module has loaded: its HMR socket is (being) connected, so a reload message will arrive. */
const viteClientLoaded = `performance.getEntriesByType('resource').some((entry) => entry.name.includes('/@vite/client'))`;

interface EmailCase {
  name: string;
  message: string;
  template: string;
  /** Text in the template that each edit replaces with a marker. */
  anchorText: string;
}

const emailCases: EmailCase[] = [
  {
    name: 'txkit: MJML email (order-confirmation, 2 partials, 2 samples)',
    message: 'order-confirmation',
    template: 'order-confirmation/email.mjml',
    anchorText: "We'll email you again when it ships.",
  },
  {
    name: 'txkit: HTML email (appointment-reminder, 2 samples)',
    message: 'appointment-reminder',
    template: 'appointment-reminder/email.html',
    anchorText: 'See you tomorrow',
  },
];

async function measureTxkit(browser: Browser, options: Required<PreviewLatencyOptions>): Promise<LatencyStats[]> {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'txkit-bench-preview-'));
  await cp(path.join(repoRoot, 'templates'), workspace, { recursive: true });
  const { config } = await loadConfig(workspace, { workspace });
  const server = await startPreviewServer({ config, port: 0, logLevel: 'silent' });
  const results: LatencyStats[] = [];
  try {
    for (const benchCase of emailCases) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(observeFrameMarkers);
      await page.goto(`${server.url}#/${benchCase.message}?channel=email&tab=preview`);
      await page.locator('[data-testid=email-frame][srcdoc]').waitFor();
      const file = path.join(workspace, benchCase.template);
      const original = await readFile(file, 'utf8');
      if (!original.includes(benchCase.anchorText)) throw new Error(`${benchCase.template} no longer contains "${benchCase.anchorText}"`);
      const samples: number[] = [];
      for (let edit = 0; edit < options.warmup + options.edits; edit++) {
        await sleep(options.spacingMs);
        const written = Date.now();
        await writeFile(file, original.replace(benchCase.anchorText, `bench-marker-${edit}`));
        const shown = await waitForNumber(() => page.evaluate<number | undefined>(`window.benchSeen[${edit}]`), 5_000);
        if (edit >= options.warmup) samples.push(shown - written);
      }
      await writeFile(file, original);
      await page.close();
      results.push(stats(benchCase.name, samples));
    }
  } finally {
    await server.close();
    await rm(workspace, { recursive: true, force: true });
  }
  return results;
}

async function measureViteReload(browser: Browser, options: Required<PreviewLatencyOptions>): Promise<LatencyStats> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'txkit-bench-vite-'));
  const html = (marker: number) =>
    `<!doctype html>\n<html><head><meta charset="utf-8"><title>anchor</title></head><body><p id="content">bench-marker-${marker}</p></body></html>\n`;
  await writeFile(path.join(root, 'index.html'), html(-1));
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    clearScreen: false,
    envDir: false,
    publicDir: false,
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  const page: Page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const samples: number[] = [];
  try {
    await page.goto(server.resolvedUrls!.local[0]!);
    // Vite's client must be connected before an edit, or the reload message is missed.
    await page.waitForFunction(viteClientLoaded);
    await sleep(200);
    for (let edit = 0; edit < options.warmup + options.edits; edit++) {
      await sleep(options.spacingMs);
      const written = Date.now();
      await writeFile(path.join(root, 'index.html'), html(edit));
      const shown = await waitForNumber(() => page.evaluate<number | undefined>(reloadedAt(edit)), 5_000);
      if (edit >= options.warmup) samples.push(shown - written);
      // The reloaded page reconnects its HMR socket before the next edit.
      await page.waitForFunction(viteClientLoaded);
    }
  } finally {
    await page.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
  return stats('vite: static index.html, full reload (anchor)', samples);
}

export async function runPreviewLatencyBench(options: PreviewLatencyOptions = {}): Promise<PreviewLatencyResult> {
  const resolved: Required<PreviewLatencyOptions> = { edits: options.edits ?? 25, warmup: options.warmup ?? 3, spacingMs: options.spacingMs ?? 400 };
  const browser = await launchChromium();
  try {
    const txkit = await measureTxkit(browser, resolved);
    const anchor = await measureViteReload(browser, resolved);
    return {
      benchmark: 'preview-latency',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
      txkit,
      anchor,
      ratio: txkit[0]!.medianMs / anchor.medianMs,
    };
  } finally {
    await browser.close();
  }
}

export function formatPreviewLatency(result: PreviewLatencyResult): string {
  const rows = [...result.txkit, result.anchor];
  const width = Math.max(...rows.map((row) => row.name.length));
  const cell = (value: number) => value.toFixed(1).padStart(8);
  const lines = [
    `${'save → preview updated'.padEnd(width)}  ${'median'.padStart(8)}  ${'p95'.padStart(8)}  ${'min'.padStart(8)}  ${'max'.padStart(8)}  edits`,
    ...rows.map((row) => `${row.name.padEnd(width)}  ${cell(row.medianMs)}  ${cell(row.p95Ms)}  ${cell(row.minMs)}  ${cell(row.maxMs)}  ${row.edits}`),
    `ratio (MJML median / Vite reload median): ${result.ratio.toFixed(2)}   (ms, Chromium clock; ${result.machine.cpus} × ${result.machine.cpuModel}, Node ${result.machine.node})`,
  ];
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const editsFlag = process.argv.indexOf('--edits');
  const result = await runPreviewLatencyBench(editsFlag === -1 ? {} : { edits: Number(process.argv[editsFlag + 1]) });
  process.stdout.write(`${formatPreviewLatency(result)}\n`);
  const out = path.join(repoRoot, 'bench', 'results', 'preview-latency.json');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`results: ${path.relative(process.cwd(), out)}\n`);
}
