/**
 * Issues 11 and 13 over HTTP: no one signs two roles in one approval chain (a document version's
 * author, reviewer and approver; a CAPA extension's requester and approver), the refusals come
 * back as problem+json `segregation_of_duties` naming the role, and only an approved extension
 * moves a locked due date, written to the trail old and new. PGlite, or PostgreSQL with
 * TEST_DATABASE_URL.
 */
import { PROBLEM_CONTENT_TYPE } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentDraft } from './testing/recordScenarios';
import { createRecord, expectOk, transition, update } from './testing/recordSteps';
import {
  kitStartTimeout,
  startTestKit,
  type TestKit,
  type TestResponse,
  type TestUser,
} from './testing/startTestKit';

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit();
}, kitStartTimeout);
afterAll(() => kit.close());

/** A refusal for segregation of duties, as problem+json, that changed nothing. */
async function expectBarred(send: () => Promise<TestResponse>, detail: string) {
  const before = await kit.counts();
  const response = await send();
  expect(response.status).toBe(403);
  expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
  expect(response.json).toMatchObject({
    status: 403,
    type: 'https://masetra.dev/problems/transition-refused',
    code: 'segregation_of_duties',
    detail,
  });
  expect(await kit.counts()).toEqual(before);
}

describe('a document version: author, reviewer and approver are three people', () => {
  it('refuses the approval of the version’s reviewer, naming the role, and takes another approver’s', async () => {
    let document = await createRecord(kit, 'olivia', 'documents', documentDraft());
    document = await expectOk(transition(kit, 'olivia', 'documents', document, 'SUBMIT_FOR_REVIEW'));
    expect(document).toMatchObject({ authoredBy: 'olivia' });
    document = await expectOk(
      transition(kit, 'quinn', 'documents', document, 'COMPLETE_REVIEW', { sign: 'review' }),
    );
    expect(document).toMatchObject({ state: 'in_approval', authoredBy: 'olivia', reviewedBy: 'quinn' });

    await expectBarred(
      () => transition(kit, 'quinn', 'documents', document, 'APPROVE', { sign: 'approval' }),
      `The reviewer of ${document.number} v0.1 may not also approve it.`,
    );

    // Sent back, the next version is a new chain: last round's reviewer may now approve it.
    document = await expectOk(
      transition(kit, 'quinn', 'documents', document, 'REQUEST_CHANGES', { reason: 'Add alarm limits.' }),
    );
    expect(document).toMatchObject({ state: 'draft', versionLabel: '0.2' });
    expect(document.authoredBy).toBeUndefined();
    expect(document.reviewedBy).toBeUndefined();
    document = await expectOk(transition(kit, 'olivia', 'documents', document, 'SUBMIT_FOR_REVIEW'));
    document = await expectOk(
      transition(kit, 'rita', 'documents', document, 'COMPLETE_REVIEW', { sign: 'review' }),
    );
    document = await expectOk(
      transition(kit, 'quinn', 'documents', document, 'APPROVE', { sign: 'approval' }),
    );
    expect(document).toMatchObject({ state: 'approved', authoredBy: 'olivia', reviewedBy: 'rita' });
  });

  it('refuses the review of the version’s author', async () => {
    let document = await createRecord(kit, 'greta', 'documents', documentDraft());
    document = await expectOk(transition(kit, 'greta', 'documents', document, 'SUBMIT_FOR_REVIEW'));
    await expectBarred(
      () => transition(kit, 'greta', 'documents', document, 'COMPLETE_REVIEW', { sign: 'review' }),
      `The author of ${document.number} v0.1 may not also review it.`,
    );
  });

  it('lets no client name the author or the reviewer', async () => {
    const created = await kit.as('olivia')('/documents', {
      method: 'POST',
      body: { ...documentDraft(), reviewedBy: 'rita' },
    });
    expect(created).toMatchObject({ status: 422, json: { code: 'validation_failed' } });
    const document = await createRecord(kit, 'olivia', 'documents', documentDraft());
    const patched = await update(kit, 'olivia', 'documents', document, { authoredBy: 'rita' });
    expect(patched).toMatchObject({ status: 422, json: { code: 'validation_failed' } });
  });
});

describe('CAPA extension requests', () => {
  const TASK_DUE = '2026-12-01T00:00:00.000Z';
  const NEW_DUE = '2027-01-15T00:00:00.000Z';

  /** A CAPA with one open task, its plan approved: its due dates are locked. */
  async function approvedCapa() {
    let capa = await createRecord(kit, 'olivia', 'capas', {
      title: 'Stop cold-room excursions',
      description: 'Door seal wear lets warm air in.',
      kind: 'corrective',
      tasks: [{ id: 't1', title: 'Replace door seal', ownerId: 'ian', dueAt: TASK_DUE, done: false }],
      effectivenessCriteria: 'No excursion over 8 °C for 90 days.',
      dueAt: '2027-03-01T00:00:00.000Z',
    });
    capa = await expectOk(transition(kit, 'ian', 'capas', capa, 'SUBMIT_PLAN'));
    return expectOk(transition(kit, 'quinn', 'capas', capa, 'APPROVE_PLAN', { sign: 'approval' }));
  }

  function requestExtension(user: TestUser, capa: { id: string; version: number }, data: unknown) {
    return kit.as(user)(`/capas/${capa.id}/transitions`, {
      method: 'POST',
      headers: { 'if-match': `"${capa.version}"` },
      body: { event: 'REQUEST_EXTENSION', reason: 'The seal supplier delivers in January.', data },
    });
  }

  it('moves the due date only when someone other than the requester approves, with a signature and a trail', async () => {
    let capa = await approvedCapa();
    const locked = await update(
      kit,
      'ian',
      'capas',
      capa,
      { tasks: [{ ...capa.tasks[0], dueAt: NEW_DUE }] },
      'Later',
    );
    expect(locked).toMatchObject({ status: 422, json: { errors: [{ pointer: '/changes/tasks/0/dueAt' }] } });

    capa = await expectOk(requestExtension('ian', capa, { taskId: 't1', newDueAt: NEW_DUE }));
    expect(capa.state).toBe('implementation');
    expect(capa.tasks[0].dueAt).toBe(TASK_DUE);
    expect(capa.extensionRequests).toEqual([
      expect.objectContaining({
        id: 'ext-1',
        taskId: 't1',
        newDueAt: NEW_DUE,
        previousDueAt: TASK_DUE,
        status: 'pending',
        requestedBy: 'ian',
      }),
    ]);

    const unsigned = await transition(kit, 'quinn', 'capas', capa, 'APPROVE_EXTENSION');
    expect(unsigned).toMatchObject({ status: 422, json: { code: 'signature_required' } });
    capa = await expectOk(transition(kit, 'quinn', 'capas', capa, 'APPROVE_EXTENSION', { sign: 'approval' }));
    expect(capa).toMatchObject({ state: 'implementation', tasks: [{ id: 't1', dueAt: NEW_DUE }] });
    expect(capa.extensionRequests[0]).toMatchObject({ status: 'approved', decidedBy: 'quinn' });

    const signatures = (await kit.as('quinn')(`/capas/${capa.id}/signatures`)).json.items;
    expect(signatures.at(-1)).toMatchObject({
      event: 'APPROVE_EXTENSION',
      meaning: 'approval',
      signerName: 'Quinn QA',
      recordVersion: capa.version,
    });

    const trail = (await kit.as('quinn')(`/capas/${capa.id}/audit-trail`)).json.items as {
      action: string;
      actorId: string;
      reason: string | null;
      stateFrom: string | null;
      stateTo: string | null;
      changes: { field: string; old: unknown; new: unknown }[];
    }[];
    const [requested, approved] = trail.filter(
      (entry) => entry.action === 'transition' && entry.stateFrom === 'implementation',
    );
    expect(requested).toMatchObject({
      actorId: 'ian',
      reason: 'The seal supplier delivers in January.',
      stateTo: 'implementation',
    });
    expect(requested!.changes.map((change) => change.field)).toEqual(['extensionRequests']);
    expect(approved).toMatchObject({ actorId: 'quinn', stateTo: 'implementation' });
    const tasks = approved!.changes.find((change) => change.field === 'tasks');
    expect(tasks).toMatchObject({
      old: [{ id: 't1', dueAt: TASK_DUE }],
      new: [{ id: 't1', dueAt: NEW_DUE }],
    });
    expect(trail.at(-1)).toMatchObject({ action: 'signature', actorId: 'quinn' });
  });

  it('refuses the requester’s own approval and refusal as segregation of duties', async () => {
    let capa = await approvedCapa();
    capa = await expectOk(requestExtension('quinn', capa, { taskId: 't1', newDueAt: NEW_DUE }));
    const detail = (verb: string) =>
      `The requester of the extension request of ${capa.number} may not also ${verb} it.`;
    await expectBarred(
      () => transition(kit, 'quinn', 'capas', capa, 'APPROVE_EXTENSION', { sign: 'approval' }),
      detail('approve'),
    );
    await expectBarred(
      () => transition(kit, 'quinn', 'capas', capa, 'REFUSE_EXTENSION', { reason: 'Not needed after all.' }),
      detail('refuse'),
    );
  });

  it('refuses a request whose data does not hold, pointing at the field', async () => {
    const capa = await approvedCapa();
    const response = await requestExtension('ian', capa, { taskId: 't1', newDueAt: 'mid-January' });
    expect(response).toMatchObject({
      status: 422,
      json: { code: 'invalid_data', errors: [{ pointer: '/data/newDueAt' }] },
    });
    const extension = await kit.as('ian')(`/capas/${capa.id}`, {
      method: 'PATCH',
      headers: { 'if-match': `"${capa.version}"` },
      body: { changes: { extensionRequests: [] }, reason: 'Sneaking in.' },
    });
    expect(extension).toMatchObject({ status: 422, json: { code: 'validation_failed' } });
  });
});
