import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitStartTimeout, passwordOf, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit();
}, kitStartTimeout);
afterAll(() => kit.close());

const now = '2026-11-20T08:30:00.000Z';

describe('a deviation from draft to closed over HTTP', () => {
  it('walks the lifecycle with signatures, and the audit trail records every step', async () => {
    const olivia = kit.as('olivia');
    const quinn = kit.as('quinn');
    const ian = kit.as('ian');

    const created = await olivia('/deviations', {
      method: 'POST',
      body: {
        title: 'Temperature excursion in cold room 3',
        description: 'Logger showed 9.1 °C for 40 min.',
        occurredAt: now,
        area: 'Warehouse',
        severity: 'major',
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.number).toMatch(/^DEV-\d{4}-0001$/);
    expect(created.json.state).toBe('draft');
    expect(created.headers.get('etag')).toBe('"1"');
    const id = created.json.id as string;

    const submit = await olivia(`/deviations/${id}/transitions`, {
      method: 'POST',
      headers: { 'if-match': '"1"' },
      body: { event: 'SUBMIT' },
    });
    expect(submit.status).toBe(200);
    expect(submit.json.state).toBe('in_assessment');

    const noReason = await quinn(`/deviations/${id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"2"' },
      body: { changes: { immediateActions: 'Product quarantined.' } },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.json.errors).toEqual([{ pointer: '/reason', detail: expect.any(String) }]);

    const assessed = await quinn(`/deviations/${id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"2"' },
      body: {
        changes: { immediateActions: 'Product quarantined.' },
        reason: 'Assessment: containment recorded',
      },
    });
    expect(assessed.status).toBe(200);
    expect(assessed.json.version).toBe(3);

    expect(
      (
        await quinn(`/deviations/${id}/transitions`, {
          method: 'POST',
          headers: { 'if-match': '"3"' },
          body: { event: 'SUBMIT_ASSESSMENT' },
        })
      ).json.state,
    ).toBe('in_approval');

    const unsigned = await quinn(`/deviations/${id}/transitions`, {
      method: 'POST',
      headers: { 'if-match': '"4"' },
      body: { event: 'APPROVE' },
    });
    expect(unsigned.status).toBe(422);
    expect(unsigned.json.code).toBe('signature_required');

    const wrongPassword = await quinn(`/deviations/${id}/transitions`, {
      method: 'POST',
      headers: { 'if-match': '"4"' },
      body: { event: 'APPROVE', signature: { password: 'guess', meaning: 'approval' } },
    });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.json.code).toBe('invalid_credentials');
    expect((await quinn(`/deviations/${id}`)).json.version).toBe(4);

    const approved = await quinn(`/deviations/${id}/transitions`, {
      method: 'POST',
      headers: { 'if-match': '"4"' },
      body: { event: 'APPROVE', signature: { password: passwordOf('quinn'), meaning: 'approval' } },
    });
    expect(approved.status).toBe(200);
    expect(approved.json.state).toBe('in_investigation');

    const investigated = await ian(`/deviations/${id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"5"' },
      body: {
        reason: 'Investigation complete',
        changes: {
          rootCause: 'Door seal worn',
          rootCauseMethod: 'five_whys',
          investigation: { fiveWhys: [{ why: 'Why warm?', because: 'Door did not close' }] },
          impactAssessment: 'No product impact: stability data covers 40 min at 9 °C.',
          capaRequired: false,
          rationaleForNoCapa: 'Seal replaced under preventive maintenance.',
        },
      },
    });
    expect(investigated.status).toBe(200);
    expect(
      (
        await ian(`/deviations/${id}/transitions`, {
          method: 'POST',
          headers: { 'if-match': '"6"' },
          body: { event: 'SUBMIT_INVESTIGATION' },
        })
      ).json.state,
    ).toBe('in_final_approval');
    const closed = await quinn(`/deviations/${id}/transitions`, {
      method: 'POST',
      headers: { 'if-match': '"7"' },
      body: { event: 'APPROVE_FINAL', signature: { password: passwordOf('quinn'), meaning: 'approval' } },
    });
    expect(closed.status).toBe(200);
    expect(closed.json.state).toBe('closed');

    const signatures = await olivia(`/deviations/${id}/signatures`);
    expect(signatures.json.items).toHaveLength(2);
    expect(signatures.json.items[0]).toMatchObject({
      signerName: 'Quinn QA',
      meaning: 'approval',
      event: 'APPROVE',
      recordVersion: 5,
    });
    expect(signatures.json.items[1].manifestation).toMatch(
      /^Approved by Quinn QA, \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/,
    );

    const trail = await olivia(`/deviations/${id}/audit-trail`);
    const actions = trail.json.items.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual([
      'create',
      'transition',
      'update',
      'transition',
      'signature_failed',
      'transition',
      'signature',
      'update',
      'transition',
      'transition',
      'signature',
    ]);
    const create = trail.json.items[0];
    expect(create.changes).toEqual(
      expect.arrayContaining([{ field: 'title', old: null, new: 'Temperature excursion in cold room 3' }]),
    );
    const update = trail.json.items[2];
    expect(update).toMatchObject({ actorId: 'quinn', reason: 'Assessment: containment recorded' });
    expect(update.changes).toEqual([{ field: 'immediateActions', old: null, new: 'Product quarantined.' }]);

    const verify = await quinn('/audit-trail/verify');
    expect(verify.json).toMatchObject({ ok: true, entries: 11 });

    const closedEdit = await quinn(`/deviations/${id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"8"' },
      body: { changes: { area: 'x' }, reason: 'late' },
    });
    expect(closedEdit.status).toBe(409);
  });
});
