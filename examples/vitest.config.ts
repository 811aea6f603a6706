import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const jsonReport = process.env.MASETRA_TEST_REPORT && resolve(process.env.MASETRA_TEST_REPORT);

// The host examples driven in Debian's Chromium: each test file builds its example, starts it
// as its README says and walks through it as the LIMS's users. Run by `pnpm test:examples`.
export default defineConfig({
  test: {
    name: 'examples',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*/test/*.e2e.ts'],
    globalSetup: ['./test-support/globalSetup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
