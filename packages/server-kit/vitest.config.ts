import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  // Tests read core from source, so they never run against a stale build of it.
  resolve: {
    alias: [
      {
        find: /^@masetra\/core$/,
        replacement: fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
      },
      {
        find: /^@masetra\/core\/openapi$/,
        replacement: fileURLToPath(new URL('../core/src/openapi/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    name: 'server-kit',
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    // Each file starts its own PGlite; with every file starting at once on two cores that can take a while.
    hookTimeout: 120_000,
  },
});
