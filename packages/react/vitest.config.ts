import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineProject({
  // Tests read core and client from source, so they never run against a stale build of either.
  resolve: {
    alias: {
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
