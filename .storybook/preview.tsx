import { createFakeQmsServer, type FakeQmsServer, fixtureUsers, hostRegistry } from '@masetra/fixtures';
import type { Decorator, Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useEffect } from 'react';
import type { QmsStoryParameters } from '../packages/react/src/testing/withQms';
import { contractHandlers } from './msw/contractHandlers';
import '../packages/react/src/styles.css';

/*
 * Every story renders inside `withQms` of `@masetra/react`'s test support, configured by
 * `parameters.qms` (actor, server, theme, locale, unstyled). Here the catalog sends all of
 * their requests over the network (`useNetwork`), where MSW answers them with handlers
 * generated from the contract, backed by a fixture server set up for each story from the
 * same `parameters.qms`. So the catalog runs without a backend, and the browser's network
 * panel shows real requests and responses.
 */

// Every story starts from a fresh fixture server: moves made in one never leak into the next.
let fixtureServer: FakeQmsServer = createFakeQmsServer();

async function startWorker() {
  // Routes of the host's registry too: a change-control story is answered like a built-in type's,
  // by a fixture server whose story passes `server.registry`.
  const worker = setupWorker(...contractHandlers(() => fixtureServer, { registry: hostRegistry }));
  await worker.start({
    quiet: true,
    onUnhandledFrame: 'bypass',
    // Relative, so a static build served from a sub-path finds its worker too.
    serviceWorker: { url: './mockServiceWorker.js' },
  });
  return worker;
}

/**
 * Direction on `<html>` (dialogs portal to `document.body`), and the page painted in the
 * theme's own background, read from the tokens of the story's themed root.
 */
function DocumentSettings({ direction, theme }: { direction: string; theme: string }) {
  useEffect(() => {
    document.documentElement.dir = direction;
    const root = document.querySelector('.masetra-root');
    document.body.style.background = root ? getComputedStyle(root).backgroundColor : '';
  });
  return <span hidden data-catalog-theme={theme} />;
}

const withCatalogCanvas: Decorator = (Story, context) => {
  const { theme = 'light', direction = 'ltr' } = context.globals as Record<string, string | undefined>;
  return (
    <div dir={direction}>
      <DocumentSettings direction={direction} theme={theme} />
      <Story />
    </div>
  );
};

const preview: Preview = {
  loaders: [mswLoader(startWorker)],
  beforeEach(context) {
    const qms = (context.parameters.qms ?? {}) as QmsStoryParameters;
    const actor = qms.actor === undefined ? 'dana' : qms.actor;
    fixtureServer = createFakeQmsServer({
      ...qms.server,
      actorId: actor ? fixtureUsers[actor].id : 'nobody',
    });
  },
  decorators: [withCatalogCanvas],
  globalTypes: {
    theme: {
      description: 'Theme of the components',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'brand', title: 'Sample brand', icon: 'heart' },
        ],
      },
    },
    locale: {
      description: 'Language of the message catalog',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
        ],
      },
    },
    direction: {
      description: 'Text direction, to check that layouts hold right-to-left',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        dynamicTitle: true,
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', direction: 'ltr' },
  parameters: {
    // Merged into each story's own `qms`: requests go over the network, to MSW.
    qms: { useNetwork: true } satisfies QmsStoryParameters,
    controls: { expanded: true },
    a11y: {
      // Violations fail a story's accessibility check, not just list it.
      test: 'error',
      options: { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    },
  },
};

export default preview;
