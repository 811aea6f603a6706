import { fileURLToPath } from 'node:url';
import { defineMain } from '@storybook/react-vite/node';
import react from '@vitejs/plugin-react';
import { msw } from 'msw/vite';
import { mergeConfig } from 'vite';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The component catalog of `@masetra/react`: its stories, on MSW mocks of the whole API. */
export default defineMain({
  framework: '@storybook/react-vite',
  stories: ['../packages/react/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (config) =>
    mergeConfig(config, {
      plugins: [
        react(),
        // Serves `mockServiceWorker.js` in development and writes it into the static build.
        msw({ mode: 'worker-only' }),
      ],
      resolve: {
        // Stories read core and client from source, as the component tests do: never a stale build.
        alias: [
          { find: /^@masetra\/core$/, replacement: source('../packages/core/src/index.ts') },
          { find: /^@masetra\/core\/auth$/, replacement: source('../packages/core/src/auth.ts') },
          { find: /^@masetra\/client$/, replacement: source('../packages/client/src/index.ts') },
          // The private fixtures package exports its source; the catalog is no workspace package.
          { find: /^@masetra\/fixtures$/, replacement: source('../packages/fixtures/src/index.ts') },
        ],
      },
    }),
});
