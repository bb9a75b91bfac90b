#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` (the `prepare` script runs `tsc`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('txkit: dist/ is missing — run `npm install` (or `npm run build`) in the txkit folder first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
