/**
 * Tenant isolation: every route that names a record, as every role, aimed at a record of the
 * other organization, answers 404 — exactly as it answers for an id that exists nowhere, and
 * without naming the record — and nothing is written. The lists, the search, the audit trail
 * and its export of one organization never show the other's records. "Nothing written" is
 * checked in the database itself: every table is the same before and after the attack.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ApiResponse, asUser, deviationInput, login, request } from '../bench/lib/api.mjs';
import { type DirectDatabase, openDirectDatabase } from '../bench/lib/directDatabase.mjs';
import { demoUsers } from '../bench/lib/seededData.mjs';
import { loadCore } from '../bench/lib/workspace.mjs';
import { defaultBackend, type FaultDatabase, faultEnvironment } from './support/faultEnvironment';
import { inBatches } from './support/inBatches';

type ApiUser = ReturnType<typeof asUser>;
interface Target {
  id: string;
  number: string;
  version: number;
  attachmentId: string;
}
interface Organization {
  name: string;
  users: Record<string, ApiUser & { roles: string[]; userId: string }>;
  /** One record per collection, each with an attachment. */
  targets: Record<string, Target>;
  notificationId: string;
  /** A finished export job of one of its users (`POST /exports`). */
  exportJobId: string;
  /** A finished import job of one of its users (`POST /deviations/import`). */
  importJobId: string;
  /** A training task of one of its users, so its id is known. */
  trainingTaskId: string;
  /** A dead letter of its outbox (`/outbox/dead-letters`). */
  deadLetterId: string;
  /** A saved report of one of its users, shared with every role (`/saved-reports`). */
  savedReportId: string;
  /** A webhook endpoint of the organization and one delivery of its log (`/webhooks`). */
  webhookId: string;
  webhookDeliveryId: string;
}

const environment = faultEnvironment();
const { buildContract, builtInRegistry } = await loadCore();
const recordRoutes = buildContract(builtInRegistry).routes.filter((route: { path: string }) =>
  route.path.includes('{id}'),
);

/** A word in the Globex records' titles that no Acme record has. */
const globexMarker = `globexonly${randomUUID().slice(0, 8)}`;

/** Who may create and attach to each collection, in each organization. */
const writers = {
  acme: { deviations: 'qa', capas: 'qa', documents: 'doccontrol', audits: 'auditor', findings: 'auditor' },
  globex: {
    deviations: 'globexQa',
    capas: 'globexQa',
    documents: 'globexQa',
    audits: 'globexAuditor',
    findings: 'globexAuditor',
  },
} as const;

interface Session {
  token: string;
  roles: string[];
  userId: string;
}

/** The signed-in users as clients of one server process (tokens outlive a restart). */
function usersAt(apiUrl: string, sessions: Record<string, Session>): Organization['users'] {
  return Object.fromEntries(
    Object.entries(sessions).map(([key, session]) => [
      key,
      Object.assign(asUser(apiUrl, session.token), session),
    ]),
  );
}

/** Attaches a file; undefined when the record is finished and takes none (409 record_final). */
async function tryAttach(
  user: ApiUser,
  apiUrl: string,
  collection: string,
  id: string,
): Promise<string | undefined> {
  const uploaded = await request(`${apiUrl}/${collection}/${id}/attachments`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${user.token}`,
      'content-type': 'text/plain',
      'x-file-name': 'evidence.txt',
    },
    body: 'Calibration certificate, page 1.',
  });
  if (uploaded.status === 409 && uploaded.json?.code === 'record_final') return undefined;
  expect(uploaded.status, uploaded.text).toBe(201);
  return uploaded.json.id;
}

/** Globex gets a record of every type (it has only a deviation from the seed). */
async function createGlobexRecords(users: Organization['users']) {
  const qa = users.globexQa!;
  const auditor = users.globexAuditor!;
  const title = (kind: string) => `Globex ${kind} ${globexMarker}`;
  const created: Record<string, { id: string }> = {};
  const create = async (user: ApiUser, collection: string, body: Record<string, unknown>) => {
    const response = await user.post(`/${collection}`, body);
    expect(response.status, `${collection}: ${response.text}`).toBe(201);
    created[collection] = response.json;
  };
  await create(qa, 'deviations', deviationInput(title('deviation')));
  await create(qa, 'capas', { title: title('capa'), kind: 'corrective', description: 'Retrain the shift.' });
  await create(qa, 'documents', {
    title: title('document'),
    documentKind: 'sop',
    summary: 'Incubator monitoring.',
    content: '1. Purpose',
    reviewIntervalMonths: 24,
  });
  await create(auditor, 'audits', {
    title: title('audit'),
    scope: 'Microbiology lab',
    leadAuditorId: auditor.userId,
    plannedStart: '2026-03-01',
    plannedEnd: '2026-03-02',
    auditKind: 'internal',
    auditee: 'Microbiology lab',
  });
  await create(auditor, 'findings', {
    auditId: created.audits!.id,
    title: title('finding'),
    classification: 'minor',
    description: 'Log incomplete.',
  });
  return created;
}

/**
 * What of a table the attack must leave alone, where that is not all of it: the server's own
 * background work goes on meanwhile, and is not the attack's doing.
 */
const watched: Record<string, string> = {
  // A session's last_seen_at moves with requests, by design; its rows must not multiply.
  auth_sessions: 'SELECT id FROM auth_sessions',
  // The outbox worker marks events delivered; a write would add an event.
  outbox: 'SELECT id, org_id, type, payload, created_at FROM outbox',
  // The worker turns events into notifications; the attack could only mark one read.
  notifications: 'SELECT id, read_at FROM notifications WHERE read_at IS NOT NULL',
  // Every export writes who exported what (the attack exports its own trail); nothing else may be added.
  audit_trail: "SELECT * FROM audit_trail WHERE record_type <> 'export'",
  audit_chain_heads: 'SELECT org_id FROM audit_chain_heads',
};

/** Every table's row count and a digest of its content (or of its watched part). */
async function tableDigests(db: DirectDatabase): Promise<Record<string, string>> {
  const tables = await db.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  );
  const digests: Record<string, string> = {};
  for (const { table_name } of tables) {
    const table = String(table_name);
    const rows = watched[table] ?? `SELECT * FROM "${table}"`;
    const [row] = await db.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM (${rows}) t`,
    );
    digests[table] = `${row!.n} rows ${row!.digest}`;
  }
  return digests;
}

async function withDatabase<T>(
  database: FaultDatabase,
  work: (db: DirectDatabase) => Promise<T>,
): Promise<T> {
  const db = await openDirectDatabase(database);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** A request every handler would accept up to the record lookup, so only tenancy can refuse it. */
function attackOn(route: { kind: string; method: string; path: string; recordType: string }, target: Target) {
  const recordType = builtInRegistry.byName(route.recordType);
  // Ids of a link or signature that need not exist: the record lookup comes first and refuses.
  const path = route.path
    .replace('{id}', target.id)
    .replace('{attachmentId}', target.attachmentId)
    .replace('{linkId}', randomUUID())
    .replace('{signatureId}', randomUUID());
  const ifMatch = { 'if-match': `"${target.version}"` };
  switch (route.kind) {
    case 'update':
      return {
        path,
        method: 'PATCH',
        body: { changes: { [recordType.titleField]: 'Tenant probe' } },
        headers: ifMatch,
      };
    case 'transition':
      return { path, method: 'POST', body: { event: recordType.events[0] }, headers: ifMatch };
    case 'createComment':
      return { path, method: 'POST', body: { body: 'Tenant probe' }, headers: {} };
    case 'addLink':
      return {
        path,
        method: 'POST',
        body: { kind: 'concerns', host: { system: 'lims', kind: 'sample', id: 'S-PROBE' } },
        headers: {},
      };
    case 'removeLink':
      return { path, method: 'DELETE', body: { reason: 'Tenant probe' }, headers: {} };
    case 'uploadAttachment':
      return {
        path,
        method: 'POST',
        raw: 'tenant probe',
        headers: { 'content-type': 'text/plain', 'x-file-name': 'probe.txt' },
      };
    case 'uploadDocumentContent':
      return {
        path,
        method: 'PUT',
        raw: '%PDF-1.7 tenant probe',
        headers: { 'content-type': 'application/pdf', 'x-file-name': 'probe.pdf' },
      };
    case 'reviseDocument':
      return { path, method: 'POST', body: {}, headers: {} };
    default:
      return { path, method: route.method, headers: {} };
  }
}

function send(apiUrl: string, user: ApiUser, attack: ReturnType<typeof attackOn>): Promise<ApiResponse> {
  return request(`${apiUrl}${attack.path}`, {
    method: attack.method,
    headers: {
      authorization: `Bearer ${user.token}`,
      ...('body' in attack ? { 'content-type': 'application/json' } : {}),
      ...attack.headers,
    },
    body: 'body' in attack ? JSON.stringify(attack.body) : 'raw' in attack ? attack.raw : undefined,
  });
}

/** The problem without its `instance` (the path, which differs by the id in it). */
const problemOf = (response: ApiResponse) => ({
  status: response.status,
  ...response.json,
  instance: undefined,
});

describe(`tenant isolation on ${defaultBackend}`, () => {
  it('answers every record route, for every role, with 404 on the other organization’s records, and writes nothing', async () => {
    const database = await environment.database(defaultBackend, 'tenants');
    let server = await environment.start(database, 'setup');
    const sessions: Record<string, Session> = {};
    for (const [key, email] of Object.entries(demoUsers)) {
      const { accessToken, user } = await login(server.apiUrl, email);
      sessions[key] = { token: accessToken, roles: user.roles, userId: user.id };
    }
    let users = usersAt(server.apiUrl, sessions);
    const isGlobex = (key: string) => key.startsWith('globex');
    const sessionsOf = (globex: boolean) =>
      Object.fromEntries(Object.entries(sessions).filter(([key]) => isGlobex(key) === globex));
    // Every role is among the attackers.
    expect(new Set(Object.values(sessionsOf(false)).flatMap((session) => session.roles)).size).toBe(8);

    const globexRecords = await createGlobexRecords(users);
    const organizations: Record<'acme' | 'globex', Organization> = {
      acme: {
        name: 'acme',
        users: {},
        targets: {},
        notificationId: '',
        exportJobId: '',
        importJobId: '',
        trainingTaskId: '',
        deadLetterId: '',
        savedReportId: '',
        webhookId: '',
        webhookDeliveryId: '',
      },
      globex: {
        name: 'globex',
        users: {},
        targets: {},
        notificationId: '',
        exportJobId: '',
        importJobId: '',
        trainingTaskId: '',
        deadLetterId: '',
        savedReportId: '',
        webhookId: '',
        webhookDeliveryId: '',
      },
    };
    for (const side of ['acme', 'globex'] as const) {
      for (const [collection, writerKey] of Object.entries(writers[side])) {
        const writer = users[writerKey]!;
        // A record still open: a finished one takes no new attachment (409 record_final).
        const candidates: string[] =
          side === 'globex'
            ? [globexRecords[collection]!.id]
            : (await writer.get(`/${collection}?limit=50`)).json.items.map((item: { id: string }) => item.id);
        let id = '';
        let attachmentId = '';
        for (const candidate of candidates) {
          const attached = await tryAttach(writer, server.apiUrl, collection, candidate);
          if (attached) {
            id = candidate;
            attachmentId = attached;
            break;
          }
        }
        expect(attachmentId, `no open ${collection} record took an attachment`).not.toBe('');
        const record = (await writer.get(`/${collection}/${id}`)).json;
        organizations[side].targets[collection] = {
          id,
          number: record.number,
          version: record.version,
          attachmentId,
        };
      }
    }
    // An export of each organization, run to the end before the attack, so its id is known.
    for (const [side, key] of [
      ['acme', 'qa'],
      ['globex', 'globexQa'],
    ] as const) {
      const started = await users[key]!.post('/exports', {
        source: 'records',
        collection: 'deviations',
        format: 'csv',
      });
      expect(started.status, started.text).toBe(202);
      organizations[side].exportJobId = started.json.id;
      await expect
        .poll(async () => (await users[key]!.get(`/exports/${started.json.id}`)).json.state, {
          timeout: 90_000,
          interval: 250,
        })
        .toBe('done');
    }
    // An import of each organization, run to the end before the attack, so its id is known.
    for (const [side, key] of [
      ['acme', 'qa'],
      ['globex', 'globexQa'],
    ] as const) {
      const importer = users[key]!;
      const started = await request(`${server.apiUrl}/deviations/import?dryRun=false`, {
        method: 'POST',
        headers: { authorization: `Bearer ${importer.token}`, 'content-type': 'text/csv' },
        body: `title,severity\nImported ${side} ${randomUUID()},minor\n`,
      });
      expect(started.status, started.text).toBe(202);
      organizations[side].importJobId = started.json.id;
      await expect
        .poll(async () => (await importer.get(`/imports/${started.json.id}`)).json.state, {
          timeout: 90_000,
          interval: 250,
        })
        .toBe('done');
    }
    await server.stop();

    // A notification of our own for one user of each organization, so its id is known.
    const before = await withDatabase(database, async (db) => {
      for (const [side, key] of [
        ['acme', 'qa'],
        ['globex', 'globexQa'],
      ] as const) {
        const id = randomUUID();
        await db.query(
          `INSERT INTO notifications (id, org_id, user_id, kind, title)
           SELECT $1, org_id, id, 'assigned', 'Tenant probe' FROM users WHERE id = $2`,
          [id, users[key]!.userId],
        );
        organizations[side].notificationId = id;
        // And a training task on the organization's document, for the same user.
        const taskId = randomUUID();
        const document = organizations[side].targets.documents!;
        await db.query(
          `INSERT INTO training_tasks (id, org_id, document_type, document_id, document_number, document_title,
             version_label, content_hash, assignee_id, assignee_name, status, assigned_at, due_on)
           SELECT $1, org_id, 'document', $2, $3, 'Tenant probe', 'tenant-probe', $4, id, display_name, 'open', now(), '2099-12-31'
           FROM users WHERE id = $5`,
          [taskId, document.id, document.number, '0'.repeat(64), users[key]!.userId],
        );
        organizations[side].trainingTaskId = taskId;
        // And a dead letter in its outbox: a broker copy that failed past its retry limit.
        const deadLetterId = randomUUID();
        await db.query(
          `INSERT INTO outbox (id, org_id, type, payload, attempts, last_error, dead_at)
           SELECT $1, org_id, 'amqp.publish', '{}'::jsonb, 80, 'Error: tenant probe', now() FROM users WHERE id = $2`,
          [deadLetterId, users[key]!.userId],
        );
        organizations[side].deadLetterId = deadLetterId;
        // And a saved report, shared with every role of its organization.
        const savedReportId = randomUUID();
        await db.query(
          `INSERT INTO saved_reports (id, org_id, name, record_type, group_by, metric, chart, shared_with_roles,
             created_by, created_at, updated_at, version)
           SELECT $1, org_id, 'Tenant probe', 'deviation', 'severity', 'count', 'bar',
             (SELECT jsonb_agg(name) FROM roles), id, now(), now(), 1
           FROM users WHERE id = $2`,
          [savedReportId, users[key]!.userId],
        );
        organizations[side].savedReportId = savedReportId;
        // And a webhook endpoint with one logged delivery.
        const webhookId = randomUUID();
        const webhookDeliveryId = randomUUID();
        await db.query(
          `INSERT INTO webhook_endpoints (id, org_id, url, event_types, secret, created_by, created_at, updated_at, version)
           SELECT $1, org_id, 'https://93.184.216.34/tenant-probe', '["deviation.created"]'::jsonb,
             'whsec_dGVuYW50IHByb2JlIHNlY3JldCBieXRlcyEh', id, now(), now(), 1
           FROM users WHERE id = $2`,
          [webhookId, users[key]!.userId],
        );
        await db.query(
          `INSERT INTO webhook_deliveries (id, org_id, endpoint_id, webhook_id, event_type, payload, status,
             attempt, response_status, duration_ms, at)
           SELECT $1, org_id, $2, $3, 'deviation.created', '{}'::jsonb, 'delivered', 1, 200, 5, now()
           FROM users WHERE id = $4`,
          [webhookDeliveryId, webhookId, randomUUID(), users[key]!.userId],
        );
        organizations[side].webhookId = webhookId;
        organizations[side].webhookDeliveryId = webhookDeliveryId;
      }
      return tableDigests(db);
    });

    server = await environment.start(database, 'attack');
    const apiUrl = server.apiUrl;
    users = usersAt(apiUrl, sessions);
    organizations.acme.users = usersAt(apiUrl, sessionsOf(false));
    organizations.globex.users = usersAt(apiUrl, sessionsOf(true));
    // Each check is a task; eight run at a time.
    const checks: (() => Promise<void>)[] = [];
    for (const [attackerSide, victimSide] of [
      ['acme', 'globex'],
      ['globex', 'acme'],
    ] as const) {
      const victim = organizations[victimSide];
      const victimIds = new Set(Object.values(victim.targets).map((target) => target.id));
      for (const [key, attacker] of Object.entries(organizations[attackerSide].users)) {
        for (const route of recordRoutes) {
          if (route.kind === 'readNotification') {
            checks.push(async () => {
              const foreign = await attacker.post(`/notifications/${victim.notificationId}/read`, {});
              const nowhere = await attacker.post(`/notifications/${randomUUID()}/read`, {});
              expect(foreign.status, `${key} reads another organization's notification`).toBe(404);
              expect(problemOf(foreign)).toEqual(problemOf(nowhere));
            });
            continue;
          }
          if (route.kind === 'exportJob' || route.kind === 'exportJobFile') {
            checks.push(async () => {
              const foreign = await attacker.get(route.path.replace('{id}', victim.exportJobId));
              const nowhere = await attacker.get(route.path.replace('{id}', randomUUID()));
              expect(foreign.status, `${key} reads another organization's export`).toBe(404);
              expect(problemOf(foreign)).toEqual(problemOf(nowhere));
            });
            continue;
          }
          if (route.kind === 'importJob') {
            checks.push(async () => {
              const foreign = await attacker.get(route.path.replace('{id}', victim.importJobId));
              const nowhere = await attacker.get(route.path.replace('{id}', randomUUID()));
              expect(foreign.status, `${key} reads another organization's import`).toBe(404);
              expect(problemOf(foreign)).toEqual(problemOf(nowhere));
            });
            continue;
          }
          if (route.kind === 'requeueOutboxDeadLetter') {
            checks.push(async () => {
              const foreign = await attacker.post(`/outbox/dead-letters/${victim.deadLetterId}/requeue`, {});
              const nowhere = await attacker.post(`/outbox/dead-letters/${randomUUID()}/requeue`, {});
              // An administrator is told it is not there; anyone else may not requeue at all.
              expect([403, 404], `${key} requeues another organization's dead letter`).toContain(
                foreign.status,
              );
              expect(problemOf(foreign)).toEqual(problemOf(nowhere));
            });
            continue;
          }
          if (
            route.kind === 'getSavedReport' ||
            route.kind === 'runSavedReport' ||
            route.kind === 'updateSavedReport' ||
            route.kind === 'deleteSavedReport'
          ) {
            checks.push(async () => {
              const probe = (id: string) =>
                request(`${apiUrl}${route.path.replace('{id}', id)}`, {
                  method: route.method,
                  headers: {
                    authorization: `Bearer ${attacker.token}`,
                    'if-match': '"1"',
                    ...(route.method === 'PATCH' ? { 'content-type': 'application/json' } : {}),
                  },
                  body: route.method === 'PATCH' ? JSON.stringify({ name: 'Tenant probe' }) : undefined,
                });
              const foreign = await probe(victim.savedReportId);
              const nowhere = await probe(randomUUID());
              // Told it is not there; a role that saves no reports may not change one at all.
              expect([403, 404], `${key} ${route.method} another organization's saved report`).toContain(
                foreign.status,
              );
              expect(problemOf(foreign)).toEqual(problemOf(nowhere));
            });
            continue;
          }
          if (
            route.kind === 'updateWebhook' ||
            route.kind === 'deleteWebhook' ||
            route.kind === 'rotateWebhookSecret' ||
            route.kind === 'webhookDeliveries' ||
            route.kind === 'replayWebhookDelivery'
          ) {
            checks.push(async () => {
              const probe = (id: string, deliveryId: string) =>
                request(`${apiUrl}${route.path.replace('{id}', id).replace('{deliveryId}', deliveryId)}`, {
                  method: route.method,
                  headers: {
                    authorization: `Bearer ${attacker.token}`,
                    'if-match': '"1"',
                    ...(route.method === 'PATCH' ? { 'content-type': 'application/json' } : {}),
                  },
                  body: route.method === 'PATCH' ? JSON.stringify({ enabled: false }) : undefined,
                });
              const foreign = await probe(victim.webhookId, victim.webhookDeliveryId);
              const nowhere = await probe(randomUUID(), randomUUID());
              // An administrator is told it is not there; anyone else may not touch webhooks at all.
              expect([403, 404], `${key} ${route.method} ${route.path} of another organization`).toContain(
                foreign.status,
              );
              expect(problemOf(foreign)).toEqual(problemOf(nowhere));
            });
            continue;
          }
          if (route.kind === 'acknowledgeTraining') {
            checks.push(async () => {
              const signature = { password: 'tenant probe', meaning: 'read_and_understood' };
              const foreign = await attacker.post(`/training/tasks/${victim.trainingTaskId}/acknowledge`, {
                signature,
              });
              const nowhere = await attacker.post(`/training/tasks/${randomUUID()}/acknowledge`, {
                signature,
              });
              expect(foreign.status, `${key} acknowledges another organization's training`).toBe(404);
              expect(problemOf(foreign)).toEqual(problemOf(nowhere));
            });
            continue;
          }
          const target = victim.targets[builtInRegistry.byName(route.recordType).collection]!;
          checks.push(async () => {
            const attack = attackOn(route, target);
            const foreign = await send(apiUrl, attacker, attack);
            const label = `${key} (${attacker.roles.join(', ')}) ${attack.method} ${route.path} on ${victimSide}'s ${target.number}`;
            expect(foreign.status, `${label}: ${foreign.text}`).toBe(404);
            // `instance` echoes the path the caller sent; nothing else may name the record.
            const told = JSON.stringify(problemOf(foreign));
            expect(told, label).not.toContain(target.id);
            expect(told, label).not.toContain(target.number);
            const elsewhere = { ...target, id: randomUUID(), attachmentId: randomUUID() };
            const nowhere = await send(apiUrl, attacker, attackOn(route, elsewhere));
            expect(problemOf(foreign), `${label} is told apart from a missing record`).toEqual(
              problemOf(nowhere),
            );
          });
        }

        // The attacker's own webhook list (administrators; 403 for the rest) names no endpoint of the victim.
        checks.push(async () => {
          const listed = await attacker.get('/webhooks');
          if (listed.status === 200) {
            expect(listed.json.items.map((item: { id: string }) => item.id)).not.toContain(victim.webhookId);
          } else expect(listed.status, `${key} lists webhooks`).toBe(403);
        });
        // Lists, search and the audit trail of the attacker's own organization hide the victim's records.
        for (const collection of Object.keys(victim.targets)) {
          checks.push(async () => {
            const listed = await attacker.listAll(`/${collection}`);
            const leaked = listed.filter((record: { id: string }) => victimIds.has(record.id));
            expect(leaked, `${key} lists ${collection}`).toEqual([]);
            const searched = await attacker.get(`/${collection}?q=${globexMarker}`);
            if (victimSide === 'globex')
              expect(searched.json.items, `${key} searches ${collection}`).toEqual([]);
          });
        }
        for (const target of Object.values(victim.targets)) {
          checks.push(async () => {
            const trail = await attacker.get(`/audit-trail?recordId=${target.id}`);
            if (trail.status === 200) expect(trail.json.items).toEqual([]);
            else expect(trail.status).toBe(403);
            const exported = await attacker.get(`/audit-trail/export.csv?recordId=${target.id}`);
            expect(exported.text).not.toContain(target.id);
          });
        }
      }
      // A finding cannot hang under the other organization's audit.
      checks.push(async () => {
        const auditor =
          organizations[attackerSide].users[attackerSide === 'acme' ? 'auditor' : 'globexAuditor']!;
        const finding = await auditor.post('/findings', {
          auditId: victim.targets.audits!.id,
          title: 'Tenant probe',
          classification: 'minor',
          description: 'Tenant probe',
        });
        expect(finding.status, finding.text).toBe(422);
      });
    }
    await inBatches(checks.length, 8, (index) => checks[index]!());

    // The reference server's own user administration: another organization's users are absent too.
    const admin = users.admin!;
    const globexUserId = users.globexQa!.userId;
    expect((await admin.patch(`/users/${globexUserId}`, { displayName: 'Tenant probe' })).status).toBe(404);
    expect(
      (await admin.post(`/users/${globexUserId}/password-reset`, { reason: 'Tenant probe' })).status,
    ).toBe(404);
    const listedUsers = (await admin.get('/users')).json.items as { id: string }[];
    expect(listedUsers.map((user) => user.id)).not.toContain(globexUserId);
    // The outbox's dead letters: an administrator lists their own organization's only.
    const deadLetters = (await admin.get('/outbox/dead-letters?limit=200')).json.items as { id: string }[];
    expect(deadLetters.map((letter) => letter.id)).toContain(organizations.acme.deadLetterId);
    expect(deadLetters.map((letter) => letter.id)).not.toContain(organizations.globex.deadLetterId);
    for (const key of Object.keys(sessionsOf(false)).filter((candidate) => candidate !== 'admin')) {
      const foreign = await users[key]!.patch(`/users/${globexUserId}`, { displayName: 'Tenant probe' });
      const nowhere = await users[key]!.patch(`/users/${randomUUID()}`, { displayName: 'Tenant probe' });
      expect(problemOf(foreign)).toEqual(problemOf(nowhere));
    }

    console.info(`tenant isolation: ${checks.length} checks by ${Object.keys(users).length} users`);
    await server.stop();
    const after = await withDatabase(database, tableDigests);
    expect(after).toEqual(before);
  });
});
