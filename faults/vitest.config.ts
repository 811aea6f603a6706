import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// As in the root config: CI sums the JSON reports (.ci/summarize.mjs). Resolved against the
// working directory: vitest would resolve it against `root`, this folder.
const jsonReport = process.env.MASETRA_TEST_REPORT && resolve(process.env.MASETRA_TEST_REPORT);

// The fault tests: real reference-server processes, killed, doubled, flooded. Not part of the
// root `pnpm test`; run with `pnpm test:faults` (on PostgreSQL too with TEST_DATABASE_URL),
// and by .ci/run.
export default defineConfig({
  test: {
    name: 'faults',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    globalSetup: ['./globalSetup.ts'],
    // One file at a time: they measure memory and load on a small machine, and must not
    // measure each other.
    fileParallelism: false,
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
