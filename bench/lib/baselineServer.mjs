/**
 * The API benchmark's baseline: a bare `node:http` server that answers the four measured
 * routes by running the same SQL statements the reference server runs for them (captured from
 * its `pg` driver), straight through `pg` — or through PGlite on the same data directory —
 * with none of Express, the kit, zod, Kysely or jose in between. What the reference server
 * reaches relative to it is what its stack costs. It checks the token's HS256 signature with
 * node:crypto and hashes audit entries the way core does, so the chain it extends verifies.
 *
 * Run as a child process: `node baselineServer.mjs` with PORT, MASETRA_JWT_SECRET (base64) and
 * DATABASE_URL or PGLITE_DIR. Routes: GET /api/v1/deviations?limit=, GET /api/v1/deviations/:id,
 * POST /api/v1/deviations, POST /api/v1/deviations/:id/transitions (REQUEST_CANCELLATION and
 * REJECT_CANCELLATION, with If-Match).
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { loadCore, loadPg, loadPglite } from './workspace.mjs';

const { canonicalJson } = await loadCore();
const secret = Buffer.from(process.env.MASETRA_JWT_SECRET ?? '', 'base64');

/** `query(text, params)` and `transaction(work)` on either driver. */
async function connect() {
  if (process.env.DATABASE_URL) {
    const pool = new (loadPg().Pool)({ connectionString: process.env.DATABASE_URL, max: 10 });
    return {
      query: async (text, params) => (await pool.query(text, params)).rows,
      async transaction(work) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const result = await work(async (text, params) => (await client.query(text, params)).rows);
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback');
          throw error;
        } finally {
          client.release();
        }
      },
    };
  }
  const { PGlite } = loadPglite();
  const pglite = new PGlite(process.env.PGLITE_DIR);
  await pglite.waitReady;
  return {
    query: async (text, params) => (await pglite.query(text, params)).rows,
    transaction: (work) =>
      pglite.transaction((tx) => work(async (text, params) => (await tx.query(text, params)).rows)),
  };
}
const db = await connect();

const sql = {
  session: `select "users"."org_id" as "orgId", "users"."display_name" as "displayName", "auth_sessions"."last_seen_at" as "lastSeenAt" from "auth_sessions" inner join "users" on "users"."id" = "auth_sessions"."user_id" where "auth_sessions"."id" = $1 and "auth_sessions"."user_id" = $2 and "auth_sessions"."revoked_at" is null and "users"."active" = $3`,
  roles: `select "role" from "user_roles" where "user_id" = $1 order by "role"`,
  list: `select "id", "org_id", "number", "state", "version", "owner_id", "created_by", "created_at", "updated_at", "state_before_cancellation", "data", created_at as "sort_value" from "deviations" where "org_id" = $1 order by created_at desc, "id" desc limit $2`,
  find: `select "id", "org_id", "number", "state", "version", "owner_id", "created_by", "created_at", "updated_at", "state_before_cancellation", "data" from "deviations" where "id" = $1 and "org_id" = $2`,
  counter: `insert into "record_counters" ("org_id", "record_type", "year", "last_value") values ($1, $2, $3, $4) on conflict ("org_id", "record_type", "year") do update set "last_value" = record_counters.last_value + 1 returning "last_value"`,
  insert: `insert into "deviations" ("id", "org_id", "number", "state", "version", "owner_id", "created_by", "created_at", "updated_at", "state_before_cancellation", "title", "data") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning "id", "org_id", "number", "state", "version", "owner_id", "created_by", "created_at", "updated_at", "state_before_cancellation", "data"`,
  update: `update "deviations" set "state" = $1, "version" = $2, "owner_id" = $3, "updated_at" = $4, "state_before_cancellation" = $5, "title" = $6, "data" = $7 where "id" = $8 and "org_id" = $9 and "version" = $10 returning "id", "org_id", "number", "state", "version", "owner_id", "created_by", "created_at", "updated_at", "state_before_cancellation", "data"`,
  headInsert: `insert into "audit_chain_heads" ("org_id", "seq", "hash") values ($1, $2, $3) on conflict ("org_id") do nothing`,
  headLock: `select "seq", "hash" from "audit_chain_heads" where "org_id" = $1 for update`,
  audit: `insert into "audit_trail" ("id", "org_id", "seq", "at", "actor_id", "actor_name", "action", "record_type", "record_id", "record_number", "changes", "reason", "source", "state_from", "state_to", "previous_hash", "hash") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
  headUpdate: `update "audit_chain_heads" set "seq" = $1, "hash" = $2 where "org_id" = $3`,
  outbox: `insert into "outbox" ("id", "org_id", "type", "payload") values ($1, $2, $3, $4)`,
};

const GENESIS = '0'.repeat(64);

/** A time-ordered UUID (version 7), as the product makes its ids. */
function uuidv7() {
  const hex = Date.now().toString(16).padStart(12, '0');
  const random = randomUUID().replaceAll('-', '');
  return `${hex.slice(0, 8)}-${hex.slice(8)}-7${random.slice(13, 16)}-${((Number.parseInt(random[16], 16) & 3) | 8).toString(16)}${random.slice(17, 20)}-${random.slice(20)}`;
}

class HttpError extends Error {
  constructor(status, title) {
    super(title);
    this.status = status;
  }
}

/** The principal: the HS256 signature and expiry checked, then the same two queries as the reference server. */
async function authenticate(request) {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const [header, payload, signature] = token?.split('.') ?? [];
  if (!signature) throw new HttpError(401, 'Authentication required');
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new HttpError(401, 'Bad token');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (claims.exp * 1000 < Date.now()) throw new HttpError(401, 'Expired');
  const [session] = await db.query(sql.session, [claims.sid, claims.sub, true]);
  if (!session) throw new HttpError(401, 'No session');
  const roles = (await db.query(sql.roles, [claims.sub])).map((row) => row.role);
  return { userId: claims.sub, orgId: session.orgId, displayName: session.displayName, roles };
}

const iso = (value) => (value instanceof Date ? value : new Date(value)).toISOString();

function recordOf(row) {
  return {
    ...row.data,
    id: row.id,
    orgId: row.org_id,
    type: 'deviation',
    number: row.number,
    state: row.state,
    version: row.version,
    ownerId: row.owner_id,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    stateBeforeCancellation: row.state_before_cancellation,
  };
}

/** Appends an audit entry and its outbox event, as server-kit's recordAuditedChange does. */
async function audited(query, principal, record, entry) {
  await query(sql.headInsert, [principal.orgId, 0, GENESIS]);
  const [head] = await query(sql.headLock, [principal.orgId]);
  const fields = {
    id: uuidv7(),
    orgId: principal.orgId,
    seq: Number(head.seq) + 1,
    at: entry.at,
    actorId: principal.userId,
    actorName: principal.displayName,
    action: entry.action,
    recordType: 'deviation',
    recordId: record.id,
    recordNumber: record.number,
    changes: entry.changes,
    reason: entry.reason ?? null,
    source: null,
    stateFrom: entry.stateFrom ?? null,
    stateTo: entry.stateTo ?? null,
  };
  const hash = createHash('sha256')
    .update(`${head.hash}\n${canonicalJson(fields)}`)
    .digest('hex');
  await query(sql.audit, [
    fields.id,
    fields.orgId,
    fields.seq,
    fields.at,
    fields.actorId,
    fields.actorName,
    fields.action,
    fields.recordType,
    fields.recordId,
    fields.recordNumber,
    JSON.stringify(fields.changes),
    fields.reason,
    null,
    fields.stateFrom,
    fields.stateTo,
    head.hash,
    hash,
  ]);
  await query(sql.headUpdate, [fields.seq, hash, principal.orgId]);
  const event = {
    id: uuidv7(),
    type: `deviation.${entry.verb}`,
    orgId: principal.orgId,
    recordId: record.id,
    at: entry.at,
  };
  await query(sql.outbox, [uuidv7(), principal.orgId, event.type, JSON.stringify(event)]);
}

const readBody = (request) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const dataFields = ['title', 'description', 'occurredAt', 'area', 'severity', 'immediateActions'];

async function createDeviation(principal, input) {
  const now = new Date();
  const at = now.toISOString();
  return db.transaction(async (query) => {
    const [{ last_value }] = await query(sql.counter, [
      principal.orgId,
      'deviation',
      now.getUTCFullYear(),
      1,
    ]);
    const data = Object.fromEntries(
      dataFields.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]),
    );
    const number = `DEV-${now.getUTCFullYear()}-${String(last_value).padStart(4, '0')}`;
    const [row] = await query(sql.insert, [
      uuidv7(),
      principal.orgId,
      number,
      'draft',
      1,
      principal.userId,
      principal.userId,
      at,
      at,
      null,
      data.title ?? null,
      JSON.stringify(data),
    ]);
    const record = recordOf(row);
    const changes = Object.entries(record)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([field, value]) => ({ field, old: null, new: value }));
    await audited(query, principal, record, {
      action: 'create',
      verb: 'created',
      at,
      changes,
      stateTo: 'draft',
    });
    return record;
  });
}

async function moveDeviation(principal, id, version, body) {
  const [row] = await db.query(sql.find, [id, principal.orgId]);
  if (!row) throw new HttpError(404, 'Not found');
  if (row.version !== version) throw new HttpError(412, 'Stale');
  const current = recordOf(row);
  // The one loop the benchmark drives: into pending_cancellation and back where it was.
  const cancelling = body.event === 'REQUEST_CANCELLATION';
  const to = cancelling ? 'pending_cancellation' : (current.stateBeforeCancellation ?? 'draft');
  const at = new Date().toISOString();
  return db.transaction(async (query) => {
    const [updated] = await query(sql.update, [
      to,
      version + 1,
      current.ownerId,
      at,
      cancelling ? current.state : null,
      current.title ?? null,
      JSON.stringify(row.data),
      id,
      principal.orgId,
      version,
    ]);
    if (!updated) throw new HttpError(412, 'Stale');
    const record = recordOf(updated);
    await audited(query, principal, record, {
      action: 'transition',
      verb: 'transitioned',
      at,
      reason: body.reason,
      stateFrom: current.state,
      stateTo: to,
      changes: [{ field: 'state', old: current.state, new: to }],
    });
    return record;
  });
}

function send(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://baseline');
    if (url.pathname === '/healthz') return send(response, 200, { status: 'ok' });
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'api' || parts[1] !== 'v1' || parts[2] !== 'deviations')
      throw new HttpError(404, 'Not found');
    const principal = await authenticate(request);
    if (request.method === 'GET' && parts.length === 3) {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 200);
      const rows = await db.query(sql.list, [principal.orgId, limit + 1]);
      const items = rows.slice(0, limit).map(recordOf);
      const last = rows.length > limit ? rows[limit - 1] : null;
      const nextCursor = last
        ? Buffer.from(JSON.stringify({ s: '-createdAt', v: iso(last.sort_value), i: last.id })).toString(
            'base64url',
          )
        : null;
      return send(response, 200, { items, nextCursor });
    }
    if (request.method === 'GET' && parts.length === 4) {
      const [row] = await db.query(sql.find, [parts[3], principal.orgId]);
      if (!row) throw new HttpError(404, 'Not found');
      return send(response, 200, recordOf(row), { etag: `"${row.version}"` });
    }
    if (request.method === 'POST' && parts.length === 3) {
      const record = await createDeviation(principal, JSON.parse(await readBody(request)));
      return send(response, 201, record, { etag: `"${record.version}"` });
    }
    if (request.method === 'POST' && parts.length === 5 && parts[4] === 'transitions') {
      const version = Number(/\d+/.exec(request.headers['if-match'] ?? '')?.[0]);
      const record = await moveDeviation(principal, parts[3], version, JSON.parse(await readBody(request)));
      return send(response, 200, record, { etag: `"${record.version}"` });
    }
    throw new HttpError(405, 'Method not allowed');
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    if (status === 500) console.error(error);
    send(response, status, { status, title: error.message });
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
