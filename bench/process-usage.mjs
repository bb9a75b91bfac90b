// Preloaded into a benchmarked process (node --import): when it exits, its peak resident set
// size in KiB (getrusage's ru_maxrss) and the CPU time it used (user + system, µs) are written
// as JSON to the file named by TXKIT_BENCH_USAGE_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.TXKIT_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }));
  });
}
