import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  // Tests read core from source, so they never run against a stale build of it.
  resolve: {
    alias: {
      // Before '@masetra/core', which would otherwise take '@masetra/core/auth' as a path below it.
      '@masetra/core/auth': fileURLToPath(new URL('../core/src/auth.ts', import.meta.url)),
      '@masetra/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
    },
  },
  test: {
    name: 'client',
    include: ['src/**/*.test.ts'],
    setupFiles: ['./src/internal/testing/nodeShims.ts'],
  },
});
