#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` (the `prepare` script runs `npm run build`).
import { existsSync, statSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('txkit: dist/ is missing — run `npm install` (or `npm run build`) in the txkit folder first\n');
  process.exit(2);
}
// The bundle (scripts/bundle-cli.ts) starts faster; it is used only when built after dist/cli/main.js,
// so a dist/ compiled again without it (tsc alone) is never shadowed by an older bundle.
const bundle = new URL('../dist/cli-bundle/main.js', import.meta.url);
const bundleTime = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs;
const fresh = bundleTime !== undefined && bundleTime >= statSync(entry).mtimeMs;
const { main } = await import((fresh ? bundle : entry).href);
process.exitCode = await main(process.argv);
