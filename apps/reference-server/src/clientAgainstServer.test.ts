import { createClient, isProblemError } from '@masetra/client';
import { recordTypes } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './seed/demoUsers';
import { type RunningReferenceServer, startReferenceServer } from './testing/startReferenceServer';

let server: RunningReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ seed: true });
}, 120_000);
afterAll(() => server.close());

/** A client signed in as a seeded user, as an integrating LIMS would hold one. */
async function signedIn(email: string, fetchImpl?: typeof fetch) {
  const anonymous = createClient({ baseUrl: server.apiUrl });
  const session = await anonymous.auth.login({ email, password: DEMO_PASSWORD });
  return createClient({
    baseUrl: server.apiUrl,
    getToken: () => session.accessToken,
    fetch: fetchImpl,
    source: 'client-e2e',
  });
}

describe('@masetra/client against the real reference server', () => {
  it('takes a deviation from draft to closed with signatures', async () => {
    const originator = (await signedIn('originator@acme.example')).records(recordTypes.deviation);
    const qa = (await signedIn('qa@acme.example')).records(recordTypes.deviation);
    const investigator = (await signedIn('investigator@acme.example')).records(recordTypes.deviation);

    let deviation = await originator.create({
      title: 'OOS assay result for lot 24-130',
      description: 'Assay 93.1 % against a specification of 95.0-105.0 %.',
      occurredAt: new Date().toISOString(),
      area: 'QC laboratory',
      severity: 'major',
    });
    deviation = await originator.transition(deviation.id, { event: 'SUBMIT' });
    deviation = await qa.update(
      deviation.id,
      { immediateActions: 'Lot 24-130 on hold.' },
      { reason: 'Assessment', version: deviation.version },
    );
    deviation = await qa.transition(
      deviation.id,
      { event: 'SUBMIT_ASSESSMENT' },
      { version: deviation.version },
    );
    deviation = await qa.transition(
      deviation.id,
      {
        event: 'APPROVE',
        signature: { username: 'qa@acme.example', password: DEMO_PASSWORD, meaning: 'approval' },
      },
      { version: deviation.version },
    );
    expect(deviation.state).toBe('in_investigation');
    deviation = await investigator.update(
      deviation.id,
      {
        rootCause: 'Standard solution prepared with an expired reference standard.',
        rootCauseMethod: 'five_whys',
        impactAssessment: 'Retest with a valid standard passed; no product impact.',
        capaRequired: false,
        rationaleForNoCapa: 'Isolated error; the reference standard log was corrected.',
      },
      { reason: 'Investigation complete', version: deviation.version },
    );
    deviation = await investigator.transition(
      deviation.id,
      { event: 'SUBMIT_INVESTIGATION' },
      { version: deviation.version },
    );
    deviation = await qa.transition(
      deviation.id,
      { event: 'APPROVE_FINAL', signature: { password: DEMO_PASSWORD, meaning: 'approval' } },
      { version: deviation.version },
    );
    expect(deviation.state).toBe('closed');

    const signatures = await qa.signatures(deviation.id);
    expect(signatures.items.map((signature) => signature.manifestation)).toEqual([
      expect.stringMatching(/^Approved by Quinn Adler, /),
      expect.stringMatching(/^Approved by Quinn Adler, /),
    ]);
    const trail = await qa.auditTrail(deviation.id, {});
    expect(trail.items.at(-1)?.action).toBe('signature');
    expect(trail.items[0]?.source).toMatchObject({ client: 'client-e2e' });
  });

  it('refuses a stale update with a typed 412', async () => {
    const qa = (await signedIn('qa@acme.example')).records(recordTypes.deviation);
    const originator = (await signedIn('originator@acme.example')).records(recordTypes.deviation);
    const draft = await originator.create({ title: 'Stale-update check' });
    await originator.update(draft.id, { area: 'Warehouse' }, { version: draft.version });
    const stale = await qa
      .update(draft.id, { area: 'Production' }, { version: draft.version })
      .catch((error: unknown) => error);
    expect(isProblemError(stale)).toBe(true);
    expect(stale).toMatchObject({ status: 412, code: 'stale_version' });
  });

  it('makes a retried create exactly once', async () => {
    let dropped = false;
    // The first answer is lost on the way back, after the server committed: the client retries.
    const flaky: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request.clone());
      if (!dropped && request.method === 'POST' && new URL(request.url).pathname.endsWith('/deviations')) {
        dropped = true;
        throw new TypeError('fetch failed');
      }
      return response;
    };
    const client = await signedIn('originator@acme.example', flaky);
    const title = `Retried create ${Date.now()}`;
    const created = await client.records(recordTypes.deviation).create({ title });
    expect(dropped).toBe(true);
    const matches = await client.records(recordTypes.deviation).list({ q: title.split(' ').at(-1) });
    expect(matches.items.filter((item) => item.title === title)).toHaveLength(1);
    expect(matches.items[0]?.id).toBe(created.id);
  });

  it('names the owner of a record for a viewer, through the directory', async () => {
    const viewer = await signedIn('viewer@acme.example');
    const [record] = (await viewer.records(recordTypes.deviation).list({ limit: 1 })).items;
    const { items } = await viewer.users.directory();
    expect(items.find((person) => person.id === record?.ownerId)?.displayName).toMatch(/\w+ \w+/);
    await expect(viewer.users.list()).rejects.toMatchObject({ status: 403 });
  });
});
