/**
 * Training over HTTP on a listening server (PGlite, or PostgreSQL with TEST_DATABASE_URL): a
 * version becoming effective gives its trainees tasks in the move's own transaction; the
 * assignee acknowledges with a "read and understood" signature; the matrix counts only the
 * version in force.
 */
import { controlledDocument, diffRecord, type Principal, type RecordBase } from '@masetra/core';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  kitStartTimeout,
  passwordOf,
  startTestKit,
  type TestKit,
  type TestUser,
  testPrincipals,
} from '../http/testing/startTestKit';
import { recordAuditedChange } from '../services/auditedChange';
import { runScheduledTransitions } from '../services/systemTransitions';
import { insertRecord } from '../storage/records';

/** An administrator besides the kit's cast: kind settings are theirs to set. */
const ada: Principal = { userId: 'ada', displayName: 'Ada Admin', orgId: 'org-a', roles: ['admin'] };
const people: Principal[] = [...Object.values(testPrincipals), ada];
type User = TestUser | 'ada';

let kit: TestKit;
let now = new Date('2026-11-10T09:00:00.000Z');
const as = (user: User) => kit.as(user as TestUser);

beforeAll(async () => {
  kit = await startTestKit({
    qms: {
      clock: () => now,
      authenticate: (request) => {
        const user = /^Test (\w+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
        return people.find((principal) => principal.userId === user) ?? null;
      },
    },
  });
  // The directory training reads role holders from: the kit's own users and their roles.
  const db = kit.storage.db;
  await db
    .insertInto('organizations')
    .values([
      { id: 'org-a', name: 'Acme' },
      { id: 'org-b', name: 'Globex' },
    ])
    .execute();
  for (const person of people) {
    await db
      .insertInto('users')
      .values({
        id: person.userId,
        org_id: person.orgId,
        email: `${person.userId}@example.com`,
        display_name: person.displayName,
      })
      .execute();
    if (person.roles.length > 0) {
      await db
        .insertInto('user_roles')
        .values(person.roles.map((role) => ({ user_id: person.userId, role })))
        .execute();
    }
  }
}, kitStartTimeout);
afterAll(() => kit?.close());

/**
 * An approved version, written as the lifecycle would have left it, with the create entry its
 * trail needs to be rebuilt (signature verification reads it). Review and approval have their
 * own tests; here the version only has to become effective.
 */
async function approvedVersion(fields: Record<string, unknown>, owner: Principal = testPrincipals.olivia) {
  const at = now.toISOString();
  const record = {
    id: uuidv7(),
    orgId: owner.orgId,
    type: 'document',
    number: `SOP-${Math.floor(Math.random() * 1e6)}`,
    state: 'approved',
    version: 1,
    ownerId: owner.userId,
    createdBy: owner.userId,
    createdAt: at,
    updatedAt: at,
    stateBeforeCancellation: null,
    title: 'Cold-room monitoring',
    documentKind: 'sop',
    versionLabel: '1.0',
    effectiveDate: '2026-11-10',
    reviewIntervalMonths: 24,
    contentFile: {
      attachmentId: uuidv7(),
      fileName: 'cold-room.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 1024,
      sha256: 'a'.repeat(64),
      uploadedBy: owner.userId,
      uploadedAt: at,
    },
    ...fields,
  } as RecordBase;
  await kit.storage.db.transaction().execute(async (trx) => {
    await insertRecord(trx, controlledDocument, record as never);
    await recordAuditedChange(trx, {
      principal: owner,
      recordType: controlledDocument,
      record,
      action: 'create',
      eventVerb: 'created',
      changes: diffRecord({}, record),
      source: null,
      stateTo: record.state,
      at,
    });
  });
  return record;
}

/** The scheduler's sweep at the kit's clock: what takes versions into force. */
const sweep = () =>
  runScheduledTransitions({
    storage: kit.storage,
    registry: kit.qms.registry,
    orgIds: ['org-a', 'org-b'],
    now,
  });

const documentOf = async (id: string) => (await as('victor')(`/documents/${id}`)).json;
const myTasks = async (user: User) => (await as(user)('/training/mine')).json;
const taskOf = async (user: User, documentId: string) =>
  (await myTasks(user)).items.find((task: { documentId: string }) => task.documentId === documentId);

const acknowledge = (
  user: User,
  taskId: string,
  password = passwordOf(user),
  meaning = 'read_and_understood',
) =>
  as(user)(`/training/tasks/${taskId}/acknowledge`, {
    method: 'POST',
    body: { signature: { password, meaning } },
  });

function cell(
  matrix: { people: { userId: string; cells: { documentId: string; status: string }[] }[] },
  userId: string,
  documentId: string,
) {
  return matrix.people
    .find((person) => person.userId === userId)
    ?.cells.find((entry) => entry.documentId === documentId)?.status;
}

describe('who must be trained on a document kind', () => {
  it('is set by an administrator only, audited, and refuses bad input as problem+json', async () => {
    const byQa = await as('quinn')('/training/kind-settings/sop', {
      method: 'PATCH',
      body: { roles: ['qa_reviewer'], userIds: [], dueDays: 14 },
    });
    expect(byQa.status).toBe(403);
    const bad = await as('ada')('/training/kind-settings/sop', {
      method: 'PATCH',
      body: { roles: ['qa_reviewer'], userIds: [], dueDays: 0, extra: true },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.json.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '/dueDays',
      '/extra',
    ]);
    const unknownKind = await as('ada')('/training/kind-settings/memo', {
      method: 'PATCH',
      body: { roles: [], userIds: [], dueDays: 14 },
    });
    expect(unknownKind.status).toBe(404);

    const set = await as('ada')('/training/kind-settings/sop', {
      method: 'PATCH',
      body: { roles: ['qa_reviewer'], userIds: [], dueDays: 14, reason: 'QA reads every SOP.' },
    });
    expect(set).toMatchObject({
      status: 200,
      json: { documentKind: 'sop', roles: ['qa_reviewer'], dueDays: 14, updatedBy: 'ada' },
    });
    const trail = await as('quinn')('/audit-trail?recordType=training_kind_setting');
    expect(trail.json.items.at(-1)).toMatchObject({
      action: 'update',
      recordId: 'sop',
      actorId: 'ada',
      reason: 'QA reads every SOP.',
      changes: [{ field: 'trainees', old: null, new: { roles: ['qa_reviewer'], userIds: [], dueDays: 14 } }],
    });
    const listed = await as('quinn')('/training/kind-settings');
    expect(
      listed.json.items.find((item: { documentKind: string }) => item.documentKind === 'sop'),
    ).toMatchObject({
      roles: ['qa_reviewer'],
    });
    expect((await as('victor')('/training/kind-settings')).status).toBe(403);
  });
});

describe('a version becoming effective', () => {
  it('gives each holder of a named role and each named person a task for that version, in the move’s transaction', async () => {
    const document = await approvedVersion({
      trainees: { roles: ['investigator'], userIds: ['victor', 'gus'] },
    });
    // Without its training table the move cannot complete: it must then not happen at all.
    await sql`ALTER TABLE training_tasks RENAME TO training_tasks_away`.execute(kit.storage.db);
    try {
      await sweep();
    } finally {
      await sql`ALTER TABLE training_tasks_away RENAME TO training_tasks`.execute(kit.storage.db);
    }
    expect((await documentOf(document.id)).state).toBe('approved');

    await sweep();
    expect((await documentOf(document.id)).state).toBe('effective');
    // The kind's role (qa_reviewer: Quinn, Rita), the document's role (Ian), Victor by name.
    for (const user of ['quinn', 'rita', 'ian', 'victor'] as const) {
      expect(await taskOf(user, document.id), user).toMatchObject({
        documentNumber: document.number,
        versionLabel: '1.0',
        status: 'open',
        dueOn: '2026-11-24',
        overdue: false,
      });
    }
    // Nobody else; Gus, of another organization, is no person of this one.
    for (const user of ['olivia', 'aaron', 'ada', 'gus'] as const)
      expect(await taskOf(user, document.id), user).toBeUndefined();
    const trail = await as('quinn')(`/documents/${document.id}/audit-trail`);
    const actions = trail.json.items.map((entry: { action: string }) => entry.action);
    expect(actions.slice(-2)).toEqual(['transition', 'training_assigned']);
  });
});

describe('acknowledging a task', () => {
  let document: RecordBase;
  let quinnTask: { id: string };
  beforeAll(async () => {
    document = await approvedVersion({ title: 'Gowning', trainees: { roles: [], userIds: [] } });
    await sweep();
    quinnTask = await taskOf('quinn', document.id);
  });

  it('needs the assignee, the right password and the meaning "read and understood"; a refusal writes nothing but its trail entry', async () => {
    const before = await kit.counts();
    const wrongPassword = await acknowledge('quinn', quinnTask.id, 'guess');
    expect(wrongPassword).toMatchObject({ status: 401, json: { code: 'invalid_credentials' } });
    expect((await kit.counts()).signatures).toBe(before.signatures);
    const failed = (await as('quinn')(`/documents/${document.id}/audit-trail`)).json.items.at(-1);
    expect(failed).toMatchObject({ action: 'signature_failed', actorId: 'quinn' });

    expect((await acknowledge('rita', quinnTask.id)).status).toBe(403);
    expect((await acknowledge('greta', quinnTask.id)).status).toBe(404);
    expect((await acknowledge('quinn', 'not-a-task')).status).toBe(404);
    const approval = await acknowledge('quinn', quinnTask.id, passwordOf('quinn'), 'approval');
    expect(approval.status).toBe(422);
    expect(approval.headers.get('content-type')).toContain('application/problem+json');
    const malformed = await as('quinn')(`/training/tasks/${quinnTask.id}/acknowledge`, {
      method: 'POST',
      body: '{"signature":',
    });
    expect(malformed.status).toBe(400);
    expect((await taskOf('quinn', document.id)).status).toBe('open');
    expect((await kit.counts()).signatures).toBe(before.signatures);
  });

  it('is a signature on that exact version, shown and verified like any other, and counts once', async () => {
    const done = await acknowledge('quinn', quinnTask.id);
    expect(done).toMatchObject({ status: 200, json: { status: 'acknowledged', overdue: false } });
    const signatures = (await as('victor')(`/documents/${document.id}/signatures`)).json.items;
    const signature = signatures.find((entry: { id: string }) => entry.id === done.json.signatureId);
    expect(signature).toMatchObject({
      meaning: 'read_and_understood',
      signerName: 'Quinn QA',
      event: 'ACKNOWLEDGE_TRAINING',
      recordVersion: (await documentOf(document.id)).version,
    });
    expect(signature.manifestation).toMatch(/^Read and understood by Quinn QA, /);
    const verified = await as('victor')(`/documents/${document.id}/signatures/${signature.id}/verify`);
    expect(verified.json).toMatchObject({ ok: true, recomputedHash: signature.contentHash });
    const again = await acknowledge('quinn', quinnTask.id);
    expect(again).toMatchObject({ status: 409, json: { code: 'training_acknowledged' } });
  });

  it('answers a retry with the same Idempotency-Key with the first answer, signing once', async () => {
    const ritaTask = await taskOf('rita', document.id);
    const before = (await kit.counts()).signatures;
    const send = () =>
      as('rita')(`/training/tasks/${ritaTask.id}/acknowledge`, {
        method: 'POST',
        headers: { 'idempotency-key': `ack-${ritaTask.id}` },
        body: { signature: { password: passwordOf('rita'), meaning: 'read_and_understood' } },
      });
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(200);
    expect(retry).toMatchObject({ status: 200, json: first.json });
    expect((await kit.counts()).signatures).toBe(before + 1);
  });
});

describe('the training matrix', () => {
  it('is for the roles the permission matrix names, and shows trained, due, overdue and not required', async () => {
    const document = await approvedVersion({
      title: 'Line clearance',
      trainees: { roles: [], userIds: ['olivia'] },
    });
    await sweep();
    expect((await acknowledge('rita', (await taskOf('rita', document.id)).id)).status).toBe(200);

    expect((await as('victor')('/training/matrix')).status).toBe(403);
    let matrix = (await as('quinn')('/training/matrix')).json;
    expect(matrix.documents.map((column: { id: string }) => column.id)).toContain(document.id);
    expect(cell(matrix, 'rita', document.id)).toBe('trained');
    expect(cell(matrix, 'quinn', document.id)).toBe('due');
    expect(cell(matrix, 'olivia', document.id)).toBe('due');
    expect(cell(matrix, 'aaron', document.id)).toBe('not_required');
    expect(matrix.people.map((person: { userId: string }) => person.userId)).not.toContain('greta');

    now = new Date('2026-11-25T09:00:00.000Z');
    matrix = (await as('aaron')('/training/matrix')).json;
    expect(cell(matrix, 'quinn', document.id)).toBe('overdue');
    expect(cell(matrix, 'rita', document.id)).toBe('trained');
    expect(matrix.overdue).toBeGreaterThan(0);
    const mine = await myTasks('olivia');
    expect(mine.overdue).toBeGreaterThan(0);
    expect(mine.items.find((task: { documentId: string }) => task.documentId === document.id).overdue).toBe(
      true,
    );
    // Another organization sees none of it.
    expect((await as('greta')('/training/matrix')).json.documents).toEqual([]);
    expect((await myTasks('greta')).items).toEqual([]);
  });
});

describe('a superseded version', () => {
  it('closes its open tasks as no longer needed, and its acknowledgement does not count for the next version', async () => {
    now = new Date('2026-12-01T09:00:00.000Z');
    const first = await approvedVersion({
      title: 'Cleaning',
      effectiveDate: '2026-12-01',
      trainees: { roles: [], userIds: [] },
    });
    await sweep();
    expect((await acknowledge('quinn', (await taskOf('quinn', first.id)).id)).status).toBe(200);
    const ritaFirst = await taskOf('rita', first.id);

    now = new Date('2026-12-10T09:00:00.000Z');
    const second = await approvedVersion({
      number: first.number,
      title: 'Cleaning',
      versionLabel: '2.0',
      effectiveDate: '2026-12-10',
      supersedesId: first.id,
      trainees: { roles: [], userIds: [] },
    });
    await sweep();
    expect((await documentOf(first.id)).state).toBe('superseded');
    expect((await documentOf(second.id)).state).toBe('effective');

    expect(await taskOf('rita', first.id)).toBeUndefined();
    const stale = await acknowledge('rita', ritaFirst.id);
    expect(stale).toMatchObject({ status: 409, json: { code: 'training_superseded' } });

    const matrix = (await as('quinn')('/training/matrix')).json;
    const columns = matrix.documents.map((column: { id: string }) => column.id);
    expect(columns).toContain(second.id);
    expect(columns).not.toContain(first.id);
    expect(cell(matrix, 'quinn', second.id)).toBe('due');
    expect(await taskOf('quinn', second.id)).toMatchObject({
      versionLabel: '2.0',
      status: 'open',
      dueOn: '2026-12-24',
    });
  });
});

describe('the traceability chain', () => {
  it('ends in the training on the document a CAPA changes: assigned, acknowledged and overdue, without names', async () => {
    const document = await approvedVersion({
      title: 'Line clearance',
      effectiveDate: now.toISOString().slice(0, 10),
      trainees: { roles: [], userIds: ['victor'] },
    });
    await sweep();
    expect((await documentOf(document.id)).state).toBe('effective');
    const victorTask = await taskOf('victor', document.id);
    expect((await acknowledge('victor', victorTask.id)).status).toBe(200);

    const capa = await as('quinn')('/capas', { method: 'POST', body: { title: 'Revise line clearance' } });
    expect(capa.status).toBe(201);
    const link = await as('quinn')(`/capas/${capa.json.id}/links`, {
      method: 'POST',
      body: { kind: 'changes', to: { type: 'document', id: document.id } },
    });
    expect(link.status).toBe(201);

    const before = now;
    now = new Date(now.getTime() + 30 * 86_400_000);
    try {
      const trace = await as('quinn')(`/capas/${capa.json.id}/trace`);
      expect(trace.status).toBe(200);
      const byId = new Map(trace.json.records.map((record: { id: string }) => [record.id, record]));
      // The kind's role (qa_reviewer: Quinn and Rita) and Victor by name; only Victor has signed,
      // and the others' tasks are past their due date.
      expect(byId.get(document.id)).toMatchObject({
        state: 'effective',
        depth: 1,
        training: { assigned: 3, acknowledged: 1, overdue: 2 },
      });
      expect(byId.get(capa.json.id)).not.toHaveProperty('training');
      expect(JSON.stringify(trace.json)).not.toContain('Rita');
    } finally {
      now = before;
    }
  });
});
