import { repoRoot } from './example-workspace.js';
import { measureProcesses, txkitBin, type ProcessResult } from './process-runs.js';

/** Issue 16: `txkit --help` and `txkit list` start and finish within 0.25 s. */
export const startupTargetMs = 250;

/** `txkit --help` and `txkit list` (of templates/) as whole processes, against `node -e 0`. */
export async function runStartupBench(runs = 11): Promise<ProcessResult[]> {
  return measureProcesses(
    [
      { name: 'node -e 0', args: ['-e', '0'], cwd: repoRoot },
      { name: 'txkit --help', args: [txkitBin, '--help'], cwd: repoRoot },
      { name: 'txkit list', args: [txkitBin, 'list'], cwd: repoRoot },
    ],
    runs,
  );
}
