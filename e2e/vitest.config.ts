import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The browser tests: Debian's Chromium driven by playwright-core against the reference server
// serving the built demo. Run by `pnpm test:e2e`; not part of the root `pnpm test` projects.
export default defineConfig({
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.e2e.ts'],
    globalSetup: ['./support/globalSetup.ts'],
    // Each file starts its own server on its own embedded database, so files run side by side.
    fileParallelism: true,
    maxWorkers: 4,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
