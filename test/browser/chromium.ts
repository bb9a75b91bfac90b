import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';

/** Debian's Chromium (apt-get install chromium): playwright-core downloads no browser. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Headless and quiet: no sandbox (containers), no GPU, no background traffic to Google. */
const quietArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

declare module 'vitest' {
  export interface ProvidedContext {
    /** The WebSocket address of the run's shared Chromium (see `setup` below). */
    chromiumEndpoint: string;
  }
}

/**
 * A Chromium: the test run's shared one when there is one and `extraArgs` is empty (its own
 * browser context per page, so nothing is shared but the process; `close()` disconnects and drops
 * those contexts), else a new one with `extraArgs` as extra Chromium switches.
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  // Outside vitest (bench/) there is nothing to inject.
  const shared = extraArgs.length === 0 && process.env['VITEST'] ? inject('chromiumEndpoint') : undefined;
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: chromiumPath, args: [...quietArgs, ...extraArgs] });
}

/**
 * vitest globalSetup: one Chromium for the whole run, instead of one started (~0.5–1 s of a busy
 * core) for every test or file; closed when the run ends. Without a Chromium here, each browser
 * test launches its own and fails with that error, while the other tests run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: BrowserServer;
  try {
    server = await chromium.launchServer({ executablePath: chromiumPath, args: quietArgs });
  } catch {
    return async () => {};
  }
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
