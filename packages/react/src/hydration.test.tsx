// Server-rendered HTML hydrated in a browser-like DOM must match: React reports a mismatch
// through onRecoverableError, which a Next.js page would log and then re-render from scratch.
import { createClient } from '@masetra/client';
import {
  createFakeQmsServer,
  FIXTURE_BASE_URL,
  fixtureDeviations,
  fixturePrincipal,
} from '@masetra/fixtures';
import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import { LifecycleActionBar, QmsProvider, RecordTable } from './index';

it('hydrates the server-rendered provider, table and action bar without a mismatch', async () => {
  const client = createClient({ baseUrl: FIXTURE_BASE_URL, fetch: createFakeQmsServer().fetch });
  const screen = (
    <QmsProvider client={client} principal={fixturePrincipal('dana')} theme="brand">
      <RecordTable recordType="deviation" />
      <LifecycleActionBar recordType="deviation" record={fixtureDeviations.in_approval} />
    </QmsProvider>
  );
  const container = document.createElement('div');
  container.innerHTML = renderToString(screen);
  document.body.append(container);
  const recoverable: unknown[] = [];
  await act(async () => {
    hydrateRoot(container, screen, { onRecoverableError: (error) => recoverable.push(error) });
  });
  expect(recoverable).toEqual([]);
  expect(container.querySelector('.masetra-root')).not.toBeNull();
});
