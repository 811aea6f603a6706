// A host that passes its own QueryClient shares one cache with the screens: with
// @tanstack/react-query a peer dependency, the host's copy is the one the hooks use.
import { createClient } from '@masetra/client';
import { createFakeQmsServer, FIXTURE_BASE_URL, fixtureDeviations } from '@masetra/fixtures';
import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { qmsKeys } from '../hooks/qmsKeys';
import { useRecord } from '../hooks/useRecord';
import { QmsProvider } from './QmsProvider';

const deviation = fixtureDeviations.draft;

function connect() {
  return createClient({ baseUrl: FIXTURE_BASE_URL, fetch: createFakeQmsServer().fetch, retry: 0 });
}

/** A host component inside the provider: reports the client its own hooks get. */
function HostComponent({ probe }: { probe: { current?: QueryClient } }) {
  probe.current = useQueryClient();
  return null;
}

function DeviationTitle() {
  const { data } = useRecord('deviation', deviation.id);
  return <p>{data ? `Title: ${data.title}` : 'loading'}</p>;
}

describe('QmsProvider and the host’s QueryClient', () => {
  it('uses the host’s client: the host reads and writes the cache the screens fill', async () => {
    const hostClient = new QueryClient();
    const seen: { current?: QueryClient } = {};
    render(
      <QmsProvider client={connect()} queryClient={hostClient}>
        <HostComponent probe={seen} />
        <DeviationTitle />
      </QmsProvider>,
    );

    await screen.findByText(`Title: ${deviation.title}`);
    expect(seen.current).toBe(hostClient);
    expect(hostClient.getQueryData(qmsKeys.record('deviation', deviation.id))).toMatchObject({
      id: deviation.id,
      title: deviation.title,
    });

    // What the host puts in its cache is what the screens show.
    hostClient.setQueryData(qmsKeys.record('deviation', deviation.id), {
      ...deviation,
      title: 'Renamed by the host',
    });
    await screen.findByText('Title: Renamed by the host');
  });

  it('keeps a client of its own when the host gives none', async () => {
    const seen: { current?: QueryClient } = {};
    render(
      <QmsProvider client={connect()}>
        <HostComponent probe={seen} />
        <DeviationTitle />
      </QmsProvider>,
    );

    await screen.findByText(`Title: ${deviation.title}`);
    expect(seen.current).toBeInstanceOf(QueryClient);
    expect(seen.current?.getQueryData(qmsKeys.record('deviation', deviation.id))).toMatchObject({
      id: deviation.id,
    });
  });
});
