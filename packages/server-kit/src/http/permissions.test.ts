/** Authority at the moment of use (21 CFR 11.10(d), (g)) and lifecycle refusals over HTTP. */
import type { Principal } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation, expectOk, transition, update } from './testing/recordSteps';
import {
  kitStartTimeout,
  startTestKit,
  type TestKit,
  type TestResponse,
  type TestUser,
  testPrincipals,
} from './testing/startTestKit';

/** Roles as the host holds them now: a test may withdraw one between two requests. */
const currentRoles = new Map<string, readonly string[]>();

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit({
    qms: {
      authenticate: (request): Principal | null => {
        const user = /^Test (\w+)$/.exec(request.headers.get('authorization') ?? '')?.[1] as
          | TestUser
          | undefined;
        const principal = user ? testPrincipals[user] : undefined;
        return principal
          ? { ...principal, roles: currentRoles.get(principal.userId) ?? principal.roles }
          : null;
      },
    },
  });
}, kitStartTimeout);
afterAll(() => kit.close());

/** A deviation owned by `owner` (raised by `creator`, who names the owner), moved on to `in_approval`. */
async function deviationInApproval(owner: TestUser = 'olivia', creator: TestUser = owner) {
  const draft = await createRecord(kit, creator, 'deviations', {
    ...describedDeviation(),
    ownerId: testPrincipals[owner].userId,
  });
  const submitted = await expectOk(transition(kit, owner, 'deviations', draft, 'SUBMIT'));
  const assessed = await expectOk(
    update(
      kit,
      'quinn',
      'deviations',
      submitted,
      { immediateActions: 'Quarantined.' },
      'Containment recorded',
    ),
  );
  return expectOk(transition(kit, 'quinn', 'deviations', assessed, 'SUBMIT_ASSESSMENT'));
}

/** Sends a request and checks that it was refused as expected and changed nothing. */
async function expectRefused(send: () => Promise<TestResponse>, status: number, code?: string) {
  const before = await kit.counts();
  const response = await send();
  expect(response.status).toBe(status);
  if (code) expect(response.json.code).toBe(code);
  expect(await kit.counts()).toEqual(before);
  return response;
}

describe('what a role may not do', () => {
  it('a viewer can read but not create, change, move, comment on or attach to a deviation', async () => {
    const draft = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const victor = kit.as('victor');
    expect((await victor(`/deviations/${draft.id}`)).status).toBe(200);
    expect((await victor('/deviations')).status).toBe(200);
    await expectRefused(
      () => victor('/deviations', { method: 'POST', body: describedDeviation() }),
      403,
      'forbidden',
    );
    await expectRefused(() => update(kit, 'victor', 'deviations', draft, { area: 'Lab' }), 403, 'forbidden');
    await expectRefused(() => transition(kit, 'victor', 'deviations', draft, 'SUBMIT'), 403, 'forbidden');
    await expectRefused(
      () => victor(`/deviations/${draft.id}/comments`, { method: 'POST', body: { body: 'Seen.' } }),
      403,
    );
    await expectRefused(
      () =>
        victor(`/deviations/${draft.id}/attachments`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'x-file-name': 'a.txt' },
          body: 'text',
        }),
      403,
    );
  });

  it('an originator may not APPROVE, however complete the record', async () => {
    const inApproval = await deviationInApproval('ian');
    const response = await expectRefused(
      () => transition(kit, 'olivia', 'deviations', inApproval, 'APPROVE', { sign: 'approval' }),
      403,
      'forbidden',
    );
    expect(response.json.detail).toContain('APPROVE');
  });

  it('the owner, though a qa_approver, may not approve their own deviation (segregation of duties)', async () => {
    const own = await deviationInApproval('quinn');
    const response = await expectRefused(
      () => transition(kit, 'quinn', 'deviations', own, 'APPROVE', { sign: 'approval' }),
      403,
      'segregation_of_duties',
    );
    expect(response.json.type).toBe('https://masetra.dev/problems/transition-refused');
  });

  it('a qa_approver who raised a deviation for someone else may not approve it either', async () => {
    const raisedForOlivia = await deviationInApproval('olivia', 'quinn');
    expect(raisedForOlivia).toMatchObject({ ownerId: 'olivia', createdBy: 'quinn' });
    const response = await expectRefused(
      () => transition(kit, 'quinn', 'deviations', raisedForOlivia, 'APPROVE', { sign: 'approval' }),
      403,
      'segregation_of_duties',
    );
    expect(response.json.detail).toMatch(/originator/);
  });

  it('a role withdrawn between two requests counts from the next request on', async () => {
    const draft = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const changed = await expectOk(update(kit, 'ian', 'deviations', draft, { area: 'Lab 1' }));
    currentRoles.set('ian', ['viewer']);
    try {
      await expectRefused(() => update(kit, 'ian', 'deviations', changed, { area: 'Lab 2' }), 403);
    } finally {
      currentRoles.delete('ian');
    }
    expect((await update(kit, 'ian', 'deviations', changed, { area: 'Lab 2' })).status).toBe(200);
  });
});

describe('moves the lifecycle refuses', () => {
  it('APPROVE of a draft is 409 not_allowed_in_state', async () => {
    const draft = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    await expectRefused(
      () => transition(kit, 'quinn', 'deviations', draft, 'APPROVE', { sign: 'approval' }),
      409,
      'not_allowed_in_state',
    );
  });

  it('SUBMIT of a draft that lacks fields is 422 missing_fields, a JSON pointer per field', async () => {
    const draft = await createRecord(kit, 'olivia', 'deviations', { title: 'Only a title' });
    const response = await expectRefused(
      () => transition(kit, 'olivia', 'deviations', draft, 'SUBMIT'),
      422,
      'missing_fields',
    );
    const pointers = response.json.errors.map((error: { pointer: string }) => error.pointer).sort();
    expect(pointers).toEqual(['/area', '/description', '/occurredAt', '/severity']);
  });

  it.each([
    { name: 'an event the type does not know', body: { event: 'PUBLISH' }, status: 422, pointer: '/event' },
    { name: 'REJECT without a reason', event: 'REJECT', status: 422, code: 'reason_required' },
    { name: 'APPROVE without a signature', event: 'APPROVE', status: 422, code: 'signature_required' },
    {
      name: 'APPROVE signed with the wrong meaning',
      body: { event: 'APPROVE', signature: { password: 'quinn-secret', meaning: 'review' } },
      status: 422,
      code: 'signature_meaning_mismatch',
    },
    {
      name: 'REJECT with a signature it does not take',
      body: {
        event: 'REJECT',
        reason: 'Incomplete',
        signature: { password: 'quinn-secret', meaning: 'approval' },
      },
      status: 422,
      code: 'signature_not_expected',
    },
  ])('$name → $status', async ({ body, event, status, code, pointer }) => {
    const inApproval = await deviationInApproval();
    const response = await expectRefused(
      () =>
        kit.as('quinn')(`/deviations/${inApproval.id}/transitions`, {
          method: 'POST',
          headers: { 'if-match': `"${inApproval.version}"` },
          body: body ?? { event },
        }),
      status,
      code,
    );
    if (pointer) expect(response.json.errors).toContainEqual({ pointer, detail: expect.any(String) });
  });

  it('a wrong signing password is 401, changes nothing, and leaves its own audit entry', async () => {
    const inApproval = await deviationInApproval();
    const before = await kit.counts();
    const response = await kit.as('quinn')(`/deviations/${inApproval.id}/transitions`, {
      method: 'POST',
      headers: { 'if-match': `"${inApproval.version}"` },
      body: { event: 'APPROVE', signature: { password: 'guess', meaning: 'approval' } },
    });
    expect(response).toMatchObject({ status: 401, json: { code: 'invalid_credentials' } });
    expect(await kit.counts()).toEqual({ ...before, auditEntries: before.auditEntries + 1 });
    const trail = await kit.as('quinn')(`/deviations/${inApproval.id}/audit-trail`);
    expect(trail.json.items.at(-1)).toMatchObject({ action: 'signature_failed', actorId: 'quinn' });
    expect((await kit.as('quinn')(`/deviations/${inApproval.id}`)).json.version).toBe(inApproval.version);
  });

  it('a closed deviation can no longer be changed (409 record_final)', async () => {
    const inApproval = await deviationInApproval();
    const closed = await expectOk(
      transition(kit, 'quinn', 'deviations', inApproval, 'APPROVE', { sign: 'approval' }),
    );
    expect(closed.state).toBe('closed');
    await expectRefused(
      () => update(kit, 'quinn', 'deviations', closed, { area: 'x' }, 'late'),
      409,
      'record_final',
    );
  });
});
