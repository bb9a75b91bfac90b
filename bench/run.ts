/**
 * `npm run bench`: txkit's costs against the bare libraries it wraps, measured in one run,
 * printed as a table and written to bench/results/latest.json for comparison across commits.
 *
 *   npm run bench                 everything (a few minutes)
 *   npm run bench -- --quick      validate up to 100 messages, no preview latency
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCompileBench, type CompileRow } from './compile-bench.js';
import { loadExamples, repoRoot } from './example-workspace.js';
import { renderTarget, runRenderBench, type RenderRow } from './render-bench.js';
import { runSmsThroughputBench } from './sms-throughput-bench.js';
import { runValidateBench, validateTarget, type ValidateRow } from './validate-bench.js';

const quick = process.argv.includes('--quick');
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function machine() {
  let commit: string | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    commit = undefined; // not a git checkout
  }
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
    date: new Date().toISOString(),
    ...(commit ? { commit } : {}),
  };
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(cells[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const verdict = (ratio: number, target: number) => (ratio <= target ? `ok (≤ ${target})` : `MISS (> ${target})`);

function printRender(rows: RenderRow[]): void {
  console.log(`\nPersonalize one sample: txkit vs the bare engine on the same text and data (target ≤ ${renderTarget}×)`);
  console.log(
    table(
      ['message', 'channel', 'engine', 'txkit µs', 'raw µs', 'ratio', '', 'same output'],
      rows.map((row) => [row.message, row.channel, row.engine, fixed(row.txkitUs, 1), fixed(row.rawUs, 1), `${fixed(row.ratio)}×`, verdict(row.ratio, renderTarget), row.sameOutput ? 'yes' : 'NO']),
    ),
  );
}

function printCompile(rows: CompileRow[]): void {
  console.log('\nEmail compile: txkit compileEmail (cold = new cache, warm = cached) vs mjml2html');
  console.log(
    table(
      ['message', 'cold ms', 'warm ms', 'mjml2html ms', 'cold/raw', 'warm/raw'],
      rows.map((row) => [row.message, fixed(row.coldMs), fixed(row.warmMs, 3), fixed(row.rawMs), `${fixed(row.coldRatio)}×`, `${fixed(row.warmRatio, 3)}×`]),
    ),
  );
}

function printValidate(rows: ValidateRow[]): void {
  console.log(`\nValidate generated workspaces (load + every rule, cold caches) vs raw MJML compile of the same emails (target ≤ ${validateTarget}×)`);
  console.log(
    table(
      ['messages', 'validate ms', 'ms/message', 'diagnostics', 'MJML emails', 'raw mjml ms', 'ratio', ''],
      rows.map((row) => [row.messages, fixed(row.validateMs, 0), fixed(row.perMessageMs), row.diagnostics, row.mjmlEmails, fixed(row.rawMjmlMs, 0), `${fixed(row.ratio)}×`, verdict(row.ratio, validateTarget)]),
    ),
  );
}

/** bench/preview-latency.ts (the preview's own benchmark), when it exists and Chromium is installed. */
async function previewLatency(): Promise<{ result?: unknown; skipped?: string }> {
  if (quick) return { skipped: '--quick' };
  if (!existsSync(chromium)) return { skipped: `no Chromium at ${chromium}` };
  if (!existsSync(path.join(repoRoot, 'bench', 'preview-latency.ts'))) return { skipped: 'bench/preview-latency.ts is missing' };
  const module = (await import('./preview-latency.js')) as { runPreviewLatencyBench?: () => Promise<unknown>; formatPreviewLatency?: (result: never) => string };
  if (!module.runPreviewLatencyBench) return { skipped: 'bench/preview-latency.ts exports no runPreviewLatencyBench' };
  const result = await module.runPreviewLatencyBench();
  console.log('\nPreview latency (save → frame updated)');
  console.log(module.formatPreviewLatency ? module.formatPreviewLatency(result as never) : JSON.stringify(result, null, 2));
  return { result };
}

async function main(): Promise<void> {
  const info = machine();
  console.log(`txkit bench — ${info.cpuModel}, ${info.cores} cores, Node ${info.node}, load ${info.loadAverage.join(' ')}${info.commit ? `, commit ${info.commit}` : ''}`);
  const examples = await loadExamples();

  const render = await runRenderBench(examples);
  printRender(render);
  const compile = await runCompileBench(examples);
  printCompile(compile);
  const validate = await runValidateBench(quick ? [10, 100] : [10, 100, 1000]);
  printValidate(validate);
  const sms = await runSmsThroughputBench(examples);
  console.log(`\nSMS throughput: ${sms.message} for ${sms.samples.toLocaleString('en-US')} samples`);
  console.log(
    table(
      ['', 'renders/s'],
      [
        ['with analyzeSms', Math.round(sms.withAnalysisPerSecond).toLocaleString('en-US')],
        ['without analysis', Math.round(sms.withoutAnalysisPerSecond).toLocaleString('en-US')],
      ],
    ),
  );
  console.log(`analysis share of the time: ${fixed(sms.analysisShare * 100, 0)}%`);
  const preview = await previewLatency();
  if (preview.skipped) console.log(`\nPreview latency: skipped (${preview.skipped})`);

  const results = { benchmark: 'txkit', machine: { ...info, loadAverageAfter: os.loadavg().map((load) => Number(load.toFixed(2))) }, quick, render, compile, validate, sms, previewLatency: preview };
  const file = path.join(repoRoot, 'bench', 'results', 'latest.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

await main();
