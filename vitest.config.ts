import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // CLI tests run bin/txkit.js, which runs dist/: rebuild it first when src/ is newer.
    globalSetup: ['test/helpers/build-cli.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
