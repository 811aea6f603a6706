import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// As in the root config: CI sums the JSON reports (.ci/summarize.mjs). Resolved against the
// working directory: vitest would resolve it against `root`, this folder.
const jsonReport = process.env.MASETRA_TEST_REPORT && resolve(process.env.MASETRA_TEST_REPORT);

// The browser tests: Debian's Chromium driven by playwright-core against the reference server
// serving the built demo. Run by `pnpm test:e2e`; not part of the root `pnpm test` projects.
export default defineConfig({
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.e2e.ts'],
    globalSetup: ['./support/globalSetup.ts'],
    // One server (global setup) for every file; two files at a time in their own browsers.
    fileParallelism: true,
    maxWorkers: 2,
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
