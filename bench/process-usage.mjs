// Preloaded into a benchmarked process (node --import): when it exits, its peak resident set
// size in KiB and the CPU time it used (user + system, µs) are written as JSON to the file named
// by TXKIT_BENCH_USAGE_FILE.
//
// The peak is VmHWM from /proc/self/status, the high-water mark of this program's own memory:
// getrusage's ru_maxrss would also count the parent's memory, inherited by the fork before exec.
import { readFileSync, writeFileSync } from 'node:fs';

function peakRssKiB() {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux: fall back to getrusage
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env.TXKIT_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: peakRssKiB(), cpuMicros: usage.userCPUTime + usage.systemCPUTime }));
  });
}
