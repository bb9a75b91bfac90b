/**
 * `npm run bench`: txkit's costs against the bare libraries it wraps, measured side by side in
 * one run (ratios hold on a loaded machine; absolute times do not). Each figure is the median of
 * at least 5 runs with its min–max. See bench/README.md for how each is measured.
 *
 *   npm run bench                     everything (several minutes)
 *   npm run bench -- --quick          validate 10 and 100 messages, no preview latency
 *   npm run bench -- --baseline       also write bench/results/baseline.json (committed: do it on purpose)
 *   npm run bench -- --runs 7         runs per figure for whole-process rows (default 5)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCompileBench, type CompileRow } from './compile-bench.js';
import { loadExamples, repoRoot } from './example-workspace.js';
import { formatSpread, minimumRuns, type Spread } from './measure.js';
import type { ProcessResult } from './process-runs.js';
import { dateFilterTargetUs, renderTarget, runDateFilterBench, runRenderBench, type DateFilterRow, type RenderRow } from './render-bench.js';
import { runSmsThroughputBench, smsTarget, type SmsThroughput } from './sms-throughput-bench.js';
import { runStartupBench, startupTargetMs } from './startup-bench.js';
import { runValidateBench, validateTargets, type StagedRow, type ValidateRow } from './validate-bench.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const writeBaseline = args.includes('--baseline');
const runsArgument = args.indexOf('--runs');
const runs = Math.max(minimumRuns, runsArgument >= 0 ? Number(args[runsArgument + 1]) || minimumRuns : minimumRuns);
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function machine() {
  let commit: string | undefined;
  let dirty = false;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench', 'bin'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
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
    ...(commit ? { commit, uncommittedChanges: dirty } : {}),
  };
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(cells[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** "ok" or "MISS" for a median against a target (`atMost`: lower is better). */
const verdict = (value: number, target: number, atMost = true) => ((atMost ? value <= target : value >= target) ? 'ok' : 'MISS');
const ratio = (value: Spread) => formatSpread(value, 2, '×');
const ms = (value: Spread) => formatSpread(value, 0, ' ms');
const mib = (value: Spread) => formatSpread(value, 0, ' MiB');
const perSecond = (value: Spread) =>
  `${Math.round(value.median).toLocaleString('en-US')}/s (${Math.round(value.min).toLocaleString('en-US')}–${Math.round(value.max).toLocaleString('en-US')})`;

/** The target lines: one per figure issue 16 sets, with its median and spread. */
const targets: string[][] = [];
const target = (name: string, figure: string, goal: string, ok: string) => targets.push([name, figure, goal, ok]);

function printRender(rows: RenderRow[], date: DateFilterRow): void {
  console.log(`\nPer-sample pipeline (personalizeEmail / renderSms) vs the bare engine rendering the same templates, CPU µs per sample`);
  console.log(
    table(
      ['message', 'channel', 'pipeline', 'txkit µs', 'raw µs', 'ratio', 'same output'],
      rows.map((row) => [
        row.message,
        row.channel,
        row.pipeline,
        formatSpread(row.txkitUs, 1),
        formatSpread(row.rawUs, 1),
        ratio(row.ratio),
        row.sameOutput ? 'yes' : 'NO',
      ]),
    ),
  );
  for (const row of rows)
    target(
      `per-sample ${row.channel} pipeline, ${row.message}, vs raw ${row.engine}`,
      ratio(row.ratio),
      `≤ ${renderTarget}×`,
      verdict(row.ratio.median, renderTarget),
    );
  console.log(`\ndate filter, one call: txkit ${formatSpread(date.txkitUs, 1, ' µs')}, bare liquidjs ${formatSpread(date.rawUs, 1, ' µs')}`);
  target(
    'one `date` filter call (txkit Liquid)',
    formatSpread(date.txkitUs, 1, ' µs'),
    `≤ ${dateFilterTargetUs} µs`,
    verdict(date.txkitUs.median, dateFilterTargetUs),
  );
}

function printCompile(rows: CompileRow[]): void {
  console.log('\nEmail compile: txkit compileEmail (cold = new cache, warm = cached) vs mjml2html, CPU ms per email');
  console.log(
    table(
      ['message', 'cold ms', 'warm ms', 'mjml2html ms', 'cold/raw', 'warm/raw'],
      rows.map((row) => [
        row.message,
        formatSpread(row.coldMs),
        formatSpread(row.warmMs, 3),
        formatSpread(row.rawMs),
        ratio(row.coldRatio),
        formatSpread(row.warmRatio, 3, '×'),
      ]),
    ),
  );
}

function printValidate(rows: ValidateRow[], staged: StagedRow): void {
  console.log('\nValidate (whole `txkit validate` processes) vs `node bench/raw-mjml.mjs` (mjml2html of the same emails): CPU time, wall time, peak RSS');
  console.log(
    table(
      ['messages', 'cold CPU', 'second CPU', 'raw CPU', 'cold/raw', 'second/raw', 'cold wall', 'raw wall', 'wall ratio', 'RSS cold', 'RSS raw', 'RSS ratio'],
      rows.map((row) => [
        row.messages,
        ms(row.cold.cpuMs),
        ms(row.warm.cpuMs),
        ms(row.raw.cpuMs),
        ratio(row.coldRatio),
        ratio(row.warmRatio),
        ms(row.cold.wallMs),
        ms(row.raw.wallMs),
        ratio(row.coldWallRatio),
        mib(row.cold.peakRssMiB),
        mib(row.raw.peakRssMiB),
        ratio(row.rssRatio),
      ]),
    ),
  );
  for (const row of rows) {
    target(
      `validate ${row.messages} messages, cold, vs raw mjml2html (CPU)`,
      ratio(row.coldRatio),
      `≤ ${validateTargets.coldRatio}×`,
      verdict(row.coldRatio.median, validateTargets.coldRatio),
    );
    target(
      `validate ${row.messages} messages, second run, vs raw mjml2html (CPU)`,
      ratio(row.warmRatio),
      `≤ ${validateTargets.warmRatio}×`,
      verdict(row.warmRatio.median, validateTargets.warmRatio),
    );
    target(
      `validate ${row.messages} messages, peak RSS vs raw mjml2html`,
      ratio(row.rssRatio),
      `≤ ${validateTargets.rssRatio}×`,
      verdict(row.rssRatio.median, validateTargets.rssRatio),
    );
  }
  console.log(`\n${staged.staged.name}: wall ${ms(staged.staged.wallMs)}, CPU ${ms(staged.staged.cpuMs)}, peak RSS ${mib(staged.staged.peakRssMiB)}`);
  target(
    `${staged.staged.name} (CPU)`,
    ms(staged.staged.cpuMs),
    `< ${validateTargets.stagedMs} ms`,
    verdict(staged.staged.cpuMs.median, validateTargets.stagedMs),
  );
}

function printStartup(rows: ProcessResult[]): void {
  console.log('\nStartup (whole processes: CPU time, wall time, peak RSS)');
  console.log(
    table(
      ['command', 'CPU', 'wall', 'peak RSS'],
      rows.map((row) => [row.name, ms(row.cpuMs), ms(row.wallMs), mib(row.peakRssMiB)]),
    ),
  );
  for (const row of rows.slice(1))
    target(`\`${row.name}\` startup (CPU)`, ms(row.cpuMs), `≤ ${startupTargetMs} ms`, verdict(row.cpuMs.median, startupTargetMs));
}

function printSms(sms: SmsThroughput): void {
  console.log(`\nSMS on one core: ${sms.message}, ${sms.samples.toLocaleString('en-US')} samples per run (${Math.round(sms.ucs2Share * 100)}% UCS-2)`);
  console.log(
    table(
      ['', 'per second'],
      [
        ['renderSms (render + smart encoding + segments)', perSecond(sms.txkitPerSecond)],
        ['bare liquidjs, same two templates', perSecond(sms.rawPerSecond)],
      ],
    ),
  );
  target(
    'SMS renders + analyses per second, one core',
    perSecond(sms.txkitPerSecond),
    `≥ ${smsTarget.toLocaleString('en-US')}/s`,
    verdict(sms.txkitPerSecond.median, smsTarget, false),
  );
}

/** bench/preview-latency.ts (the preview's own benchmark), when Chromium is installed. */
async function previewLatency(): Promise<{ result?: unknown; skipped?: string }> {
  if (quick) return { skipped: '--quick' };
  if (!existsSync(chromium)) return { skipped: `no Chromium at ${chromium}` };
  const module = (await import('./preview-latency.js')) as {
    runPreviewLatencyBench?: () => Promise<unknown>;
    formatPreviewLatency?: (result: never) => string;
  };
  if (!module.runPreviewLatencyBench) return { skipped: 'bench/preview-latency.ts exports no runPreviewLatencyBench' };
  const result = await module.runPreviewLatencyBench();
  console.log('\nPreview latency (save → frame updated)');
  console.log(module.formatPreviewLatency ? module.formatPreviewLatency(result as never) : JSON.stringify(result, null, 2));
  return { result };
}

async function main(): Promise<void> {
  const info = machine();
  console.log(
    `txkit bench — ${info.cpuModel}, ${info.cores} cores, Node ${info.node}, load ${info.loadAverage.join(' ')}${info.commit ? `, commit ${info.commit}${info.uncommittedChanges ? ' + uncommitted changes' : ''}` : ''}`,
  );
  const examples = await loadExamples();

  const render = await runRenderBench(examples);
  const dateFilter = await runDateFilterBench(examples);
  printRender(render, dateFilter);
  const sms = await runSmsThroughputBench(examples);
  printSms(sms);
  const compile = await runCompileBench(examples);
  printCompile(compile);
  const startup = await runStartupBench();
  printStartup(startup);
  const validate = await runValidateBench(quick ? [10, 100] : [10, 100, 1000], runs);
  printValidate(validate.rows, validate.staged);
  const preview = await previewLatency();
  if (preview.skipped) console.log(`\nPreview latency: skipped (${preview.skipped})`);

  console.log('\nTargets (issue 16): median (min–max)');
  console.log(table(['target', 'figure', 'goal', ''], targets));

  const results = {
    benchmark: 'txkit',
    machine: { ...info, loadAverageAfter: os.loadavg().map((load) => Number(load.toFixed(2))) },
    quick,
    runs,
    targets: targets.map(([name, figure, goal, ok]) => ({ name, figure, goal, ok: ok === 'ok' })),
    render,
    dateFilter,
    sms,
    compile,
    startup,
    validate: validate.rows,
    staged: validate.staged,
    previewLatency: preview,
  };
  const resultsDir = path.join(repoRoot, 'bench', 'results');
  await mkdir(resultsDir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  await writeFile(path.join(resultsDir, 'latest.json'), json);
  console.log(`\nwritten to ${path.relative(process.cwd(), path.join(resultsDir, 'latest.json'))}`);
  if (writeBaseline) {
    await writeFile(path.join(resultsDir, 'baseline.json'), json);
    console.log(`and to ${path.relative(process.cwd(), path.join(resultsDir, 'baseline.json'))} (commit it)`);
  }
}

await main();
