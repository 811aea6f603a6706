import { defineConfig } from 'vitest/config';

// One runner for the whole tree; each package is a project so `--project core` runs one.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
});
