import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // CLI tests run bin/txkit.js, which runs dist/: rebuild it first when src/ is newer.
    globalSetup: ['test/helpers/build-cli.ts'],
    // Hang nets, not speed checks: a correct test must pass on a 2-core machine shared with other work,
    // so these sit far above any test's time there. Work is bounded per test (inputs, iterations), not by the clock.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Every run shuffles files and tests, so a test that leans on another's leftovers fails soon, not someday.
    // The seed is printed at the start; `npx vitest run --sequence.seed=<seed>` replays an order.
    sequence: { shuffle: true },
    // Vitest's default on 2 cores is one worker (cores - 1): the files then run one after another while
    // the other core idles through every spawn, fetch and browser wait. Two keep both cores busy.
    maxWorkers: 2,
  },
});
