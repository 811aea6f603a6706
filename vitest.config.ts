import { defineConfig } from 'vitest/config';

// CI sums the JSON reports into one "N passed, N failed" line (.ci/summarize.mjs).
const jsonReport = process.env.MASETRA_TEST_REPORT;

// One runner for the whole tree; each package is a project so `--project core` runs one.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      // The published packages' public surface (values, types, subpaths), read by TypeScript.
      { test: { name: 'public-api', include: ['scripts/*.test.ts'], testTimeout: 60_000 } },
    ],
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
