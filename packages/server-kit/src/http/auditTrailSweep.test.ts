/**
 * PART11 item 1, swept from the contract: every route that writes, for every record type of a
 * host's registry (the built-in types and change control), and every move no person takes (the
 * scheduler's, and the follow-up moves they cause), writes the audit entries it owes: which
 * record, which action, whose. A write route of a kind the sweep has no request for, a record
 * type without a scenario, a system move it does not know, or a write that leaves an entry out
 * fails it. Runs on both drivers (PGlite, and PostgreSQL with TEST_DATABASE_URL).
 */
import {
  buildContract,
  can,
  type RecordType,
  type RouteDefinition,
  type RouteKind,
  SYSTEM_ACTOR,
  type TransitionMeta,
} from '@masetra/core';
import { hostRegistry as registry } from '@masetra/fixtures';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNextTransitions } from 'xstate';
import { runScheduledTransitions } from '../services/systemTransitions';
import { samplePdf, withContent } from './testing/documentSteps';
import {
  createFromScenario,
  documentApproval,
  documentDraft,
  scenarioOf,
  userWhoMay,
} from './testing/recordScenarios';
import { createRecord, expectOk, transition, update } from './testing/recordSteps';
import {
  kitStartTimeout,
  passwordOf,
  startTestKit,
  type TestKit,
  type TestResponse,
  type TestUser,
  testPrincipals,
} from './testing/startTestKit';

const contract = buildContract(registry);
const writeMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const writeRoutes = contract.routes.filter((route) => writeMethods.has(route.method));

let kit: TestKit;
let samplePdfBytes: Uint8Array;
beforeAll(async () => {
  kit = await startTestKit({ registry });
  samplePdfBytes = await samplePdf();
}, kitStartTimeout);
afterAll(() => kit.close());

/** What an audit entry must say: which record, what was done, by whom. */
interface OwedEntry {
  recordType: string;
  recordId: string;
  action: string;
  actorId: string;
}

const owed = (recordType: RecordType, recordId: string, action: string, actorId: string): OwedEntry => ({
  recordType: recordType.name,
  recordId,
  action,
  actorId,
});

async function lastSeq(orgId = 'org-a'): Promise<number> {
  const row = await kit.storage.db
    .selectFrom('audit_trail')
    .select(sql<string>`coalesce(max(seq), 0)`.as('seq'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

async function entriesAfter(seq: number, orgId = 'org-a'): Promise<OwedEntry[]> {
  const rows = await kit.storage.db
    .selectFrom('audit_trail')
    .select(['record_type', 'record_id', 'action', 'actor_id'])
    .where('org_id', '=', orgId)
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    recordType: row.record_type,
    recordId: row.record_id,
    action: row.action,
    actorId: row.actor_id,
  }));
}

/** How many writes the running test measured: a test that measured none proved nothing. */
let measured = 0;

/**
 * Runs one write and checks that the trail gained exactly the entries it owes, in order:
 * the setup around it is not measured.
 */
async function expectEntries<T>(
  label: string,
  write: () => Promise<T>,
  owes: (result: T) => OwedEntry[],
  /** The organization whose trail is measured: org B's users are the only importers of some types. */
  orgId = 'org-a',
) {
  measured += 1;
  const before = await lastSeq(orgId);
  const result = await write();
  expect(await entriesAfter(before, orgId), `${label}: the audit entries it wrote`).toEqual(owes(result));
  return result;
}

/** A route's path with its parameters filled in, so the sweep follows the contract's paths. */
function pathOf(route: RouteDefinition, params: Record<string, string> = {}): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.id}: the sweep has no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

/** Sends a write of the route and fails the test unless the route's success status comes back. */
async function send(
  route: RouteDefinition,
  user: TestUser,
  params: Record<string, string>,
  init: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<TestResponse> {
  const response = await kit.as(user)(pathOf(route, params), { method: route.method, ...init });
  expect(response.status, `${route.id} by ${user}: ${response.text}`).toBe(route.successStatus);
  return response;
}

function recordTypeOf(route: RouteDefinition): RecordType {
  const recordType = route.recordType ? registry.byName(route.recordType) : undefined;
  if (!recordType) throw new Error(`${route.id} serves no record type of the registry`);
  return recordType;
}

const ifMatch = (record: { version: number }) => ({ 'if-match': `"${record.version}"` });

/** A webhook endpoint's body; a public address, since the sweep's kit refuses private ones. */
const webhookBody = (path: string) => ({
  url: `https://93.184.216.34${path}`,
  eventTypes: ['deviation.created'],
});

async function registerWebhook(path: string): Promise<{ id: string; version: number }> {
  const created = await kit.as('adam')('/webhooks', { method: 'POST', body: webhookBody(path) });
  expect(created.status, created.text).toBe(201);
  return created.json;
}

/** A valid request for each kind of write route, and the entries it owes the trail. */
const exercisers: Partial<Record<RouteKind, (route: RouteDefinition) => Promise<void>>> = {
  create: async (route) => {
    const recordType = recordTypeOf(route);
    const by = userWhoMay(recordType, 'create');
    const body = await scenarioOf(recordType).draft(kit);
    await expectEntries(
      `${route.id} by ${by}`,
      () => send(route, by, {}, { body }),
      (response) => [owed(recordType, response.json.id, 'create', by)],
    );
  },
  update: async (route) => {
    const recordType = recordTypeOf(route);
    const record = await createFromScenario(kit, recordType);
    const by = userWhoMay(recordType, 'update');
    const changes = { [recordType.titleField]: `${String(record[recordType.titleField])} (revised)` };
    await expectEntries(
      `${route.id} by ${by}`,
      () => send(route, by, { id: record.id }, { headers: ifMatch(record), body: { changes } }),
      () => [owed(recordType, record.id, 'update', by)],
    );
  },
  transition: async (route) => {
    const recordType = recordTypeOf(route);
    const { moves } = scenarioOf(recordType);
    expect(
      moves.some((move) => move.sign),
      `${recordType.name}'s scenario signs no move`,
    ).toBe(true);
    let record = await createFromScenario(kit, recordType);
    for (const move of moves) {
      const signature = move.sign ? { password: passwordOf(move.by), meaning: move.sign } : undefined;
      const response = await expectEntries(
        `${route.id} ${move.event} by ${move.by}`,
        () =>
          send(
            route,
            move.by,
            { id: record.id },
            { headers: ifMatch(record), body: { event: move.event, signature } },
          ),
        () => [
          owed(recordType, record.id, 'transition', move.by),
          ...(move.sign ? [owed(recordType, record.id, 'signature', move.by)] : []),
        ],
      );
      record = response.json;
    }
  },
  uploadAttachment: async (route) => {
    const recordType = recordTypeOf(route);
    const record = await createFromScenario(kit, recordType);
    const by = userWhoMay(recordType, 'attach');
    await expectEntries(
      `${route.id} by ${by}`,
      () =>
        send(
          route,
          by,
          { id: record.id },
          { headers: { 'content-type': 'text/plain', 'x-file-name': 'logger.txt' }, body: '09:00 9.4 °C' },
        ),
      () => [owed(recordType, record.id, 'attachment', by)],
    );
  },
  createComment: async (route) => {
    const recordType = recordTypeOf(route);
    const record = await createFromScenario(kit, recordType);
    const by = userWhoMay(recordType, 'comment');
    await expectEntries(
      `${route.id} by ${by}`,
      () => send(route, by, { id: record.id }, { body: { body: 'Checked the logger data.' } }),
      () => [owed(recordType, record.id, 'comment', by)],
    );
  },
  // A host object has no trail of its own: linking a record to one owes the record's entry alone.
  addLink: async (route) => {
    const recordType = recordTypeOf(route);
    const record = await createFromScenario(kit, recordType);
    const by = userWhoMay(recordType, 'update');
    await expectEntries(
      `${route.id} by ${by}`,
      () =>
        send(
          route,
          by,
          { id: record.id },
          { body: { kind: 'concerns', host: { system: 'mes', kind: 'batch', id: 'B-1' } } },
        ),
      () => [owed(recordType, record.id, 'link', by)],
    );
  },
  removeLink: async (route) => {
    const recordType = recordTypeOf(route);
    const record = await createFromScenario(kit, recordType);
    const by = userWhoMay(recordType, 'update');
    const added = await kit.as(by)(`/${recordType.collection}/${record.id}/links`, {
      method: 'POST',
      body: { kind: 'concerns', host: { system: 'mes', kind: 'batch', id: 'B-2' } },
    });
    expect(added.status, added.text).toBe(201);
    await expectEntries(
      `${route.id} by ${by}`,
      () => send(route, by, { id: record.id, linkId: added.json.id }, { body: { reason: 'Wrong batch.' } }),
      () => [owed(recordType, record.id, 'unlink', by)],
    );
  },
  // The content file becomes part of the draft version: one update entry names it and its SHA-256.
  uploadDocumentContent: async (route) => {
    const recordType = recordTypeOf(route);
    const record = await createFromScenario(kit, recordType);
    await expectEntries(
      `${route.id} by olivia`,
      () =>
        send(
          route,
          'olivia',
          { id: record.id },
          { headers: { 'content-type': 'application/pdf', 'x-file-name': 'sop.pdf' }, body: samplePdfBytes },
        ),
      () => [owed(recordType, record.id, 'update', 'olivia')],
    );
  },
  // A revision is a new version (its create entry) and a line in the revised version's trail.
  reviseDocument: async (route) => {
    const recordType = recordTypeOf(route);
    const effective = await approvedDocument({ effectiveDate: '2034-03-01' });
    await scheduleAt('2034-03-01T06:00:00.000Z');
    await expectEntries(
      `${route.id} by olivia`,
      () => send(route, 'olivia', { id: effective.id }, { body: { reason: 'Annual update.' } }),
      (response) => [
        owed(recordType, response.json.id, 'create', 'olivia'),
        owed(recordType, effective.id, 'revise', 'olivia'),
      ],
    );
  },
  // An organization setting: its trail names the kind.
  setDocumentKindPrefix: async (route) => {
    await expectEntries(
      `${route.id} by adam`,
      () => send(route, 'adam', { kind: 'form' }, { body: { prefix: 'FORM', reason: 'Group standard.' } }),
      () => [{ recordType: 'document_kind_prefix', recordId: 'form', action: 'update', actorId: 'adam' }],
    );
  },
  // Read and understood: a signature on the version in force, one entry in the document's trail.
  acknowledgeTraining: async (route) => {
    const effective = await approvedDocument({ effectiveDate: '2035-03-01' });
    await scheduleAt('2035-03-01T06:00:00.000Z');
    const version = (await kit.as('olivia')(`/documents/${effective.id}`)).json;
    expect(version.state).toBe('effective');
    // Tasks come from the host's directory of people when a version comes into force (tested in
    // training/); this kit has none, so the task Olivia acknowledges is given to her directly.
    const taskId = uuidv7();
    await kit.storage.db
      .withTables<{ training_tasks: Record<string, unknown> }>()
      .insertInto('training_tasks')
      .values({
        id: taskId,
        org_id: 'org-a',
        document_type: documentType.name,
        document_id: version.id,
        document_number: version.number,
        document_title: version.title,
        version_label: version.versionLabel,
        document_kind: version.documentKind,
        content_hash: 'f'.repeat(64),
        assignee_id: 'olivia',
        assignee_name: 'Olivia Originator',
        status: 'open',
        assigned_at: new Date('2035-03-01T06:00:00.000Z'),
        due_on: '2035-03-31',
      })
      .execute();
    await expectEntries(
      `${route.id} by olivia`,
      () =>
        send(
          route,
          'olivia',
          { id: taskId },
          { body: { signature: { password: passwordOf('olivia'), meaning: 'read_and_understood' } } },
        ),
      () => [owed(documentType, version.id, 'signature', 'olivia')],
    );
  },
  // An organization setting: its trail names the kind.
  updateTrainingKindSetting: async (route) => {
    await expectEntries(
      `${route.id} by adam`,
      () =>
        send(
          route,
          'adam',
          { documentKind: 'policy' },
          { body: { roles: ['qa_reviewer'], userIds: [], dueDays: 14, reason: 'QA reads every policy.' } },
        ),
      () => [{ recordType: 'training_kind_setting', recordId: 'policy', action: 'update', actorId: 'adam' }],
    );
  },
  // Saved reports are organization settings: the trail names the report by its id.
  createSavedReport: async (route) => {
    await expectEntries(
      `${route.id} by rita`,
      () =>
        send(
          route,
          'rita',
          {},
          { body: { name: 'Open deviations by severity', recordType: 'deviation', groupBy: 'severity' } },
        ),
      (response) => [
        { recordType: 'saved_report', recordId: response.json.id, action: 'create', actorId: 'rita' },
      ],
    );
  },
  updateSavedReport: async (route) => {
    const saved = await kit.as('rita')('/saved-reports', {
      method: 'POST',
      body: { name: 'CAPAs by kind', recordType: 'capa', groupBy: 'kind' },
    });
    expect(saved.status, saved.text).toBe(201);
    await expectEntries(
      `${route.id} by rita`,
      () =>
        send(route, 'rita', { id: saved.json.id }, { headers: ifMatch(saved.json), body: { chart: 'pie' } }),
      () => [{ recordType: 'saved_report', recordId: saved.json.id, action: 'update', actorId: 'rita' }],
    );
  },
  deleteSavedReport: async (route) => {
    const saved = await kit.as('rita')('/saved-reports', {
      method: 'POST',
      body: { name: 'Deviations per month', recordType: 'deviation', groupBy: 'month' },
    });
    expect(saved.status, saved.text).toBe(201);
    await expectEntries(
      `${route.id} by adam`,
      () => send(route, 'adam', { id: saved.json.id }, { headers: ifMatch(saved.json) }),
      () => [{ recordType: 'saved_report', recordId: saved.json.id, action: 'delete', actorId: 'adam' }],
    );
  },
  // Webhook endpoints are organization settings: the trail names the endpoint by its id.
  createWebhook: async (route) => {
    await expectEntries(
      `${route.id} by adam`,
      () => send(route, 'adam', {}, { body: webhookBody('/created') }),
      (response) => [
        { recordType: 'webhook_endpoint', recordId: response.json.id, action: 'create', actorId: 'adam' },
      ],
    );
  },
  updateWebhook: async (route) => {
    const endpoint = await registerWebhook('/updated');
    await expectEntries(
      `${route.id} by adam`,
      () =>
        send(route, 'adam', { id: endpoint.id }, { headers: ifMatch(endpoint), body: { enabled: false } }),
      () => [{ recordType: 'webhook_endpoint', recordId: endpoint.id, action: 'update', actorId: 'adam' }],
    );
  },
  deleteWebhook: async (route) => {
    const endpoint = await registerWebhook('/deleted');
    await expectEntries(
      `${route.id} by adam`,
      () => send(route, 'adam', { id: endpoint.id }, { headers: ifMatch(endpoint) }),
      () => [{ recordType: 'webhook_endpoint', recordId: endpoint.id, action: 'delete', actorId: 'adam' }],
    );
  },
  rotateWebhookSecret: async (route) => {
    const endpoint = await registerWebhook('/rotated');
    await expectEntries(
      `${route.id} by adam`,
      () => send(route, 'adam', { id: endpoint.id }),
      () => [{ recordType: 'webhook_endpoint', recordId: endpoint.id, action: 'update', actorId: 'adam' }],
    );
  },
  // A replay sends data out again: an entry naming the endpoint, whose.
  replayWebhookDelivery: async (route) => {
    const endpoint = await registerWebhook('/replayed');
    const deliveryId = uuidv7();
    // The outbox worker logs deliveries; the sweep writes one as it would.
    await sql`INSERT INTO webhook_deliveries
      (id, org_id, endpoint_id, webhook_id, event_type, payload, status, attempt, response_status, duration_ms, at)
      VALUES (${deliveryId}, 'org-a', ${endpoint.id}, ${uuidv7()}, 'deviation.created',
        ${JSON.stringify({ endpointId: endpoint.id })}::jsonb, 'failed', 1, 500, 12, now())`.execute(
      kit.storage.db,
    );
    await expectEntries(
      `${route.id} by adam`,
      () => send(route, 'adam', { id: endpoint.id, deliveryId }),
      () => [{ recordType: 'webhook_endpoint', recordId: endpoint.id, action: 'replay', actorId: 'adam' }],
    );
  },
  // Marking one's own notification read changes no regulated record: it owes the trail nothing.
  readNotification: async (route) => {
    const id = uuidv7();
    // The host's workers write notifications; the kit only marks them read.
    await kit.storage.db
      .insertInto('notifications')
      .values({ id, org_id: 'org-a', user_id: 'olivia', kind: 'assigned', title: 'Assigned to you' })
      .execute();
    await expectEntries(
      `${route.id} by olivia`,
      () => send(route, 'olivia', { id }),
      () => [],
    );
  },
  // Requeueing a dead letter sends a message again: an organization setting's kind of entry, naming the event.
  requeueOutboxDeadLetter: async (route) => {
    const id = uuidv7();
    await kit.storage.db
      .insertInto('outbox')
      .values({
        id,
        org_id: 'org-a',
        type: 'amqp.publish',
        payload: JSON.stringify({ recordType: 'deviation' }),
        attempts: 80,
        last_error: 'Error: broker unreachable',
        dead_at: new Date(),
      })
      .execute();
    await expectEntries(
      `${route.id} by adam`,
      () => send(route, 'adam', { id }, { body: { reason: 'The broker is back.' } }),
      () => [{ recordType: 'outbox_dead_letter', recordId: id, action: 'requeue', actorId: 'adam' }],
    );
  },
  // An import queues a job and writes one `import` entry naming it; the job owes a `create` entry per record it makes.
  recordImport: async (route) => {
    const recordType = recordTypeOf(route);
    const by = (Object.keys(testPrincipals) as TestUser[]).find(
      (user) => can(testPrincipals[user], recordType, 'create') && can(testPrincipals[user], 'importRecords'),
    );
    if (!by) throw new Error(`No test user may import ${recordType.collection}`);
    const { links: _links, ...draft } = await scenarioOf(recordType).draft(kit);
    // A child record names a parent of the importer's organization.
    const parent = recordType.parent;
    const parentType = parent ? registry.byName(parent.type) : undefined;
    if (parent && parentType) {
      const parentBy = (Object.keys(testPrincipals) as TestUser[]).find(
        (user) =>
          testPrincipals[user].orgId === testPrincipals[by].orgId &&
          can(testPrincipals[user], parentType, 'create'),
      );
      if (!parentBy) throw new Error(`No test user of ${by}'s organization may create a ${parentType.name}`);
      draft[parent.foreignKey] = (
        await createRecord(kit, parentBy, parentType.collection, await scenarioOf(parentType).draft(kit))
      ).id;
    }
    const cell = (value: unknown) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return `"${text.replaceAll('"', '""')}"`;
    };
    const csv = `${Object.keys(draft).join(',')}\n${Object.values(draft).map(cell).join(',')}\n`;
    const started = await expectEntries(
      `${route.id} by ${by}`,
      async () => {
        const response = await kit.as(by)(`${pathOf(route)}?dryRun=false`, {
          method: 'POST',
          body: new TextEncoder().encode(csv),
          headers: { 'content-type': 'text/csv' },
        });
        expect(response.status, `${route.id} by ${by}: ${response.text}`).toBe(route.successStatus);
        return response;
      },
      (response) => [{ recordType: 'import', recordId: response.json.id, action: 'import', actorId: by }],
      testPrincipals[by].orgId,
    );
    const job = await expectEntries(
      `${route.id}: running the job`,
      async () => {
        expect(await kit.qms.runImportJob(started.json.id)).toBe(true);
        return (await kit.as(by)(`/imports/${started.json.id}`)).json;
      },
      (done) => [owed(recordType, done.created[0]?.id, 'create', by)],
      testPrincipals[by].orgId,
    );
    expect(job.state, JSON.stringify(job.problem)).toBe('done');
  },
  // An export job changes no record, but a copy leaves the system: one `export` entry naming the job, who asked.
  startExport: async (route) => {
    const records = await expectEntries(
      `${route.id} records by olivia`,
      () =>
        send(route, 'olivia', {}, { body: { source: 'records', collection: 'deviations', format: 'xlsx' } }),
      (response) => [
        { recordType: 'export', recordId: response.json.id, action: 'export', actorId: 'olivia' },
      ],
    );
    const trail = await expectEntries(
      `${route.id} audit trail by quinn`,
      () =>
        send(
          route,
          'quinn',
          {},
          { body: { source: 'auditTrail', format: 'csv', query: { action: 'create' } } },
        ),
      (response) => [
        { recordType: 'export', recordId: response.json.id, action: 'export', actorId: 'quinn' },
      ],
    );
    // Running the jobs writes nothing more to the trail.
    await expectEntries(
      `${route.id}: running the jobs`,
      async () => {
        expect(await kit.qms.runExportJob(records.json.id)).toBe(true);
        expect(await kit.qms.runExportJob(trail.json.id)).toBe(true);
      },
      () => [],
    );
  },
  // A verification reads the trail and keeps its result apart: it changes no record, so owes no entry.
  startAuditVerification: async (route) => {
    const reviewer = (['olivia', 'rita', 'quinn'] as const).find((name) =>
      can(testPrincipals[name], 'reviewAuditTrail'),
    );
    if (!reviewer) throw new Error('No test user may review the audit trail.');
    const job = await expectEntries(
      `${route.id} by ${reviewer}`,
      () => send(route, reviewer, {}),
      () => [],
    );
    // Let the background job finish before the kit closes under it.
    const progress = contract.routes.find((candidate) => candidate.kind === 'auditVerification');
    if (!progress) throw new Error('The contract has no route to follow a verification');
    await expect
      .poll(
        async () => (await kit.as(reviewer)(pathOf(progress, { verificationId: job.json.id }))).json.status,
        { timeout: 60_000, interval: 200 },
      )
      .toMatch(/^(ok|broken|failed)$/);
  },
};

describe('every write route of the contract writes its audit entries', () => {
  it('sweeps the contract the kit serves', () => {
    expect(kit.qms.contract.routes.map((route) => route.id)).toEqual(
      contract.routes.map((route) => route.id),
    );
    expect(writeRoutes.length).toBeGreaterThanOrEqual(registry.list.length * 5);
  });

  it('has a request for every kind of write route, and a scenario for every record type', () => {
    const unknown = writeRoutes
      .filter((route) => !Object.hasOwn(exercisers, route.kind))
      .map((route) => `${route.id} (${route.method} ${route.path}, kind ${route.kind})`);
    expect(
      unknown,
      'Write routes the sweep cannot exercise: give their kind a request in `exercisers`',
    ).toEqual([]);
    for (const recordType of registry.list) expect(() => scenarioOf(recordType)).not.toThrow();
  });

  it.each(writeRoutes.map((route) => [route.id, route] as const))('%s', async (_, route) => {
    const exercise = exercisers[route.kind];
    if (!exercise) {
      throw new Error(
        `The sweep has no request for ${route.id} (${route.method} ${route.path}, kind ${route.kind}): add one to \`exercisers\`, with the audit entries it owes.`,
      );
    }
    measured = 0;
    await exercise(route);
    expect(measured, `${route.id}: the sweep measured no write`).toBeGreaterThan(0);
  });
});

/** The moves of a record type that only the system takes (`meta.system`), by event. */
function systemMoves(recordType: RecordType): string[] {
  const events = new Set<string>();
  for (const state of recordType.states) {
    const snapshot = recordType.machine.resolveState({ value: state, context: {} });
    for (const candidate of getNextTransitions(snapshot)) {
      if ((candidate.meta as TransitionMeta | undefined)?.system) events.add(candidate.eventType);
    }
  }
  return [...events];
}

/** The scheduler's sweep at a moment, over organization A. */
const scheduleAt = (now: string) =>
  runScheduledTransitions({ storage: kit.storage, registry, orgIds: ['org-a'], now: new Date(now) });

const documentType = registry.types.document;

/** A document taken to `approved` through its scenario's moves; the scheduler does the rest. */
async function approvedDocument(fields: Record<string, unknown>) {
  let document = await createRecord(kit, 'olivia', 'documents', documentDraft(fields));
  for (const move of documentApproval) {
    document = await expectOk(
      transition(kit, move.by, 'documents', document, move.event, { sign: move.sign }),
    );
  }
  expect(document.state).toBe('approved');
  return document;
}

/** How each move no person takes comes about, and the entries it owes: all the system's. */
const systemMoveScenarios: Record<string, () => Promise<void>> = {
  'document.BECOME_EFFECTIVE': async () => {
    const document = await approvedDocument({ effectiveDate: '2031-03-01' });
    const swept = await expectEntries(
      'the scheduler on the effective date',
      () => scheduleAt('2031-03-01T06:00:00.000Z'),
      () => [owed(documentType, document.id, 'transition', SYSTEM_ACTOR)],
    );
    expect(swept.moved).toBe(1);
  },
  'document.SUPERSEDE': async () => {
    const previous = await approvedDocument({ effectiveDate: '2032-03-01' });
    await scheduleAt('2032-03-01T06:00:00.000Z');
    const revision = await kit.as('olivia')(`/documents/${previous.id}/revisions`, {
      method: 'POST',
      body: { reason: 'Periodic update.' },
    });
    expect(revision.status, revision.text).toBe(201);
    let next = await withContent(kit, 'olivia', revision.json);
    next = await expectOk(update(kit, 'olivia', 'documents', next, { effectiveDate: '2033-03-01' }));
    for (const move of documentApproval) {
      next = await expectOk(transition(kit, move.by, 'documents', next, move.event, { sign: move.sign }));
    }
    await expectEntries(
      'the next version becoming effective, and superseding the one in force',
      () => scheduleAt('2033-03-01T06:00:00.000Z'),
      () => [
        owed(documentType, next.id, 'transition', SYSTEM_ACTOR),
        owed(documentType, previous.id, 'transition', SYSTEM_ACTOR),
      ],
    );
    const superseded = await kit.as('victor')(`/documents/${previous.id}`);
    expect(superseded.json.state).toBe('superseded');
  },
};

describe('moves no person takes write their audit entries', () => {
  const systemMoveKeys = registry.list.flatMap((recordType) =>
    systemMoves(recordType).map((event) => `${recordType.name}.${event}`),
  );

  it('knows every system move of every record type of the registry', () => {
    expect(systemMoveKeys.length).toBeGreaterThan(0);
    expect(
      systemMoveKeys.filter((key) => !Object.hasOwn(systemMoveScenarios, key)),
      'System moves the sweep cannot bring about: add them to `systemMoveScenarios`',
    ).toEqual([]);
  });

  it.each(systemMoveKeys)('%s', async (key) => {
    const scenario = systemMoveScenarios[key];
    if (!scenario) throw new Error(`The sweep cannot bring about ${key}: add it to \`systemMoveScenarios\`.`);
    measured = 0;
    await scenario();
    expect(measured, `${key}: the sweep measured no write`).toBeGreaterThan(0);
  });
});
