import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  // server-kit's test storage imports core, read from source so tests never run a stale build.
  resolve: {
    alias: [
      {
        find: /^@masetra\/core$/,
        replacement: fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url)),
      },
      {
        find: /^@masetra\/core\/openapi$/,
        replacement: fileURLToPath(new URL('../../packages/core/src/openapi/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    name: 'reference-server',
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
