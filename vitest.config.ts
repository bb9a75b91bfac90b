import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // CLI tests run bin/txkit.js, which runs dist/: rebuild it first when src/ is newer.
    // Browser tests share one Chromium, started here (test/browser/chromium.ts).
    globalSetup: ['test/helpers/build-cli.ts', 'test/browser/chromium.ts'],
    // Hang nets, not speed checks: a correct test must pass on a 2-core machine shared with other work,
    // so these sit far above any test's time there. Work is bounded per test (inputs, iterations), not by the clock.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Every run shuffles files and tests, so a test that leans on another's leftovers fails soon, not someday.
    // The seed is printed at the start; `npx vitest run --sequence.seed=<seed>` replays an order.
    sequence: { shuffle: true },
    // Vitest's default on 2 cores is one worker (cores - 1): the files then run one after another while
    // the other core idles through every spawn, fetch and browser wait. Two keep both cores busy. Three
    // were faster (186 s against 221 s) but two of three runs at load 6–8 then had a browser test's
    // wait time out (sample-editor, send-test), which no run with two did.
    maxWorkers: 2,
    // Each worker runs file after file in one process: loading mjml, vite and playwright again for
    // every file was a third of the run. So tests leave the process as they found it (cwd, env,
    // listeners, timers; test/cli/in-process.test.ts checks the CLI's part), and one project only:
    // vitest hands a worker to the next file only when both belong to the same project.
    isolate: false,
  },
});
