import { writeFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { customerioSeedFor, type Sandbox } from '../../src/sandbox/index.js';
import { loadConfig, loadWorkspace, type Message } from '../../src/workspace/index.js';
import { spawnDev } from '../helpers/dev-process.js';
import type { TempDir } from '../helpers/temp-dir.js';
import { launchChromium } from './chromium.js';

export interface SandboxedPreview {
  /** The preview's `Local:` address. */
  url: string;
  browser: Browser;
}

/**
 * `txkit dev templates` in `project` as a user with Customer.io credentials in `.env` runs it:
 * the `.env` names `sandbox` (no credential is inherited from this process), and the sandbox
 * holds the project's Customer.io messages that `seeded` keeps, as created once in the UI. `run`
 * gets the preview and a Chromium; then the browser closes and `txkit dev` must end cleanly on
 * Ctrl+C.
 */
export async function withSandboxedPreview(
  project: TempDir,
  sandbox: Sandbox,
  run: (preview: SandboxedPreview) => Promise<void>,
  seeded: (message: Message) => boolean = () => true,
): Promise<void> {
  const { config } = await loadConfig(project.root);
  sandbox.seed(customerioSeedFor((await loadWorkspace(config)).messages.filter(seeded)));
  const { appApiKey, transactionalApiKey } = sandbox.options.customerio;
  await writeFile(
    project.path('.env'),
    `CUSTOMERIO_APP_API_KEY=${appApiKey}\nCUSTOMERIO_TRANSACTIONAL_API_KEY=${transactionalApiKey}\nCUSTOMERIO_API_URL=${sandbox.url}\n`,
  );
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('CUSTOMERIO_') || name.startsWith('SFMC_')) delete env[name];

  const dev = spawnDev(['templates', '--port', '0'], { cwd: project.root, env });
  const browser = await launchChromium();
  try {
    await dev.waitFor(/Ctrl\+C/);
    await run({ url: /Local:\s+(http:\S+)/.exec(dev.output())![1]!, browser });
  } finally {
    await browser.close();
    dev.child.kill('SIGINT');
  }
  expect(await dev.exited, dev.output()).toEqual({ code: 0, signal: null });
}
