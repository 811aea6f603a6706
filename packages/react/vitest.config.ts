import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineProject({
  // Tests read core and client from source, so they never run against a stale build of either.
  resolve: {
    alias: {
      // Before '@masetra/core', which would otherwise take '@masetra/core/auth' as a path below it.
      '@masetra/core/auth': source('../core/src/auth.ts'),
      '@masetra/core/vocabulary': source('../core/src/vocabulary/index.ts'),
      '@masetra/core': source('../core/src/index.ts'),
      '@masetra/client': source('../client/src/index.ts'),
    },
  },
  test: {
    name: 'react',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup.ts'],
    testTimeout: 30_000,
  },
});
