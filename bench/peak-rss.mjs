// Preloaded into a benchmarked process (node --import): when it exits, its peak resident set
// size in KiB (getrusage's ru_maxrss) is written to the file named by TXKIT_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.TXKIT_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
