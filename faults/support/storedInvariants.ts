/**
 * What must hold of stored data after any fault: each is a list of discrepancies, empty when
 * the data is whole. Through the API: the audit trail explains every record (a record's
 * version and state are exactly what its entries say), and the chain verifies. In SQL:
 * numbering has no duplicates or gaps, every change announced its event, no idempotency key
 * was left claimed without its response.
 */
import { expect } from 'vitest';
import type { DirectDatabase } from '../../bench/lib/directDatabase.mjs';
import { loadCore } from '../../bench/lib/workspace.mjs';

type ApiUser = ReturnType<typeof import('../../bench/lib/api.mjs').asUser>;

export interface AuditEntry {
  seq: number;
  action: string;
  recordType: string;
  recordId: string;
  stateTo: string | null;
}

/** The organization's audit trail, oldest first, optionally of one record type. */
export async function readAuditTrail(user: ApiUser, recordType?: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '200' });
    if (recordType) query.set('recordType', recordType);
    if (cursor) query.set('cursor', cursor);
    const page = await user.get(`/audit-trail?${query}`);
    if (page.status !== 200) throw new Error(`GET /audit-trail: ${page.status} ${page.text}`);
    entries.push(...page.json.items);
    cursor = page.json.nextCursor;
  } while (cursor);
  return entries;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Actions that produce a new version of the record they name. */
const versioningActions = new Set(['update', 'transition']);

/**
 * Every record of `collection` must be explained by its audit entries: one `create`, one
 * entry per version after the first, and the state of its last state change. Every entry
 * must name a record that exists. A record written without its entry (or the reverse) is
 * exactly what a half-committed write would leave.
 */
export async function auditTrailDiscrepancies(
  user: ApiUser,
  recordType: string,
  collection: string,
): Promise<string[]> {
  const records = (await user.listAll(`/${collection}`)) as {
    id: string;
    number: string;
    version: number;
    state: string;
  }[];
  const entries = await readAuditTrail(user, recordType);
  const byRecord = groupBy(entries, (entry) => entry.recordId);
  const problems: string[] = [];
  for (const record of records) {
    const own = byRecord.get(record.id) ?? [];
    byRecord.delete(record.id);
    const creates = own.filter((entry) => entry.action === 'create').length;
    const versions = 1 + own.filter((entry) => versioningActions.has(entry.action)).length;
    const lastState = own.filter((entry) => entry.stateTo !== null).at(-1)?.stateTo;
    if (creates !== 1) problems.push(`${record.number}: ${creates} create entries`);
    if (versions !== record.version)
      problems.push(`${record.number}: version ${record.version}, entries say ${versions}`);
    if (lastState !== record.state)
      problems.push(`${record.number}: state ${record.state}, entries say ${lastState}`);
  }
  for (const [recordId, orphans] of byRecord) {
    problems.push(`${orphans.length} audit entries for ${recordType} ${recordId}, which does not exist`);
  }
  return problems;
}

/** `GET /audit-trail/verify` must say ok, and cover every entry. */
export async function expectChainVerifies(user: ApiUser): Promise<{ entries: number; headHash: string }> {
  const verify = await user.get('/audit-trail/verify');
  expect(verify.status).toBe(200);
  expect(verify.json, JSON.stringify(verify.json)).toMatchObject({ ok: true });
  return verify.json;
}

/**
 * SQL checks over every organization and record type:
 * - numbering: the numbers of each (organization, type, year) are exactly 1..counter, the
 *   counter's value (a rolled-back write gives its number back, so there is no gap at all);
 *   controlled documents count per (organization, kind prefix), and every version of a document
 *   keeps its number, so there the distinct numbers are 1..counter and no number repeats a
 *   version label;
 * - outbox: one event per audit entry that announces a change to a record (all but failed
 *   signings, and organization settings: a kind's number prefix or trainees are trailed, and
 *   no record changed; the broker's copies of events, `amqp.publish`, are not counted);
 * - idempotency: no key claimed without the response it promised.
 */
/** The trail's record types of organization settings (server-kit's), whose entries announce no event. */
const organizationSettings = [
  'document_kind_prefix',
  'training_kind_setting',
  'export',
  'import',
  'saved_report',
  'outbox_dead_letter',
  'webhook_endpoint',
]
  .map((name) => `'${name}'`)
  .join(', ');

/** Whether `values` are exactly 1..counter: each number given once, none lost. */
function sequenceProblems(
  label: string,
  values: number[],
  counter: Record<string, unknown> | undefined,
): string[] {
  const sorted = [...values].sort((a, b) => a - b);
  const expected = Number(counter?.last_value ?? 0);
  if (sorted.length === expected && sorted.every((value, index) => value === index + 1)) return [];
  const duplicates = sorted.filter((value, index) => sorted[index - 1] === value);
  const missing = Array.from({ length: expected }, (_, index) => index + 1).filter(
    (value) => !sorted.includes(value),
  );
  return [
    `${label}: ${sorted.length} numbers, counter ${expected}, ` +
      `duplicates [${duplicates.slice(0, 10)}], missing [${missing.slice(0, 10)}]`,
  ];
}

/**
 * Controlled documents: `<prefix>-0001`, counted per organization and prefix, one number for every
 * version of a document. The distinct numbers of a prefix are exactly 1..counter, and no number has
 * two versions with one label.
 */
async function documentNumberProblems(db: DirectDatabase): Promise<string[]> {
  const problems: string[] = [];
  const counters = await db.query('SELECT org_id, prefix, last_value FROM document_number_counters');
  const rows = await db.query(`SELECT org_id, number, data->>'versionLabel' AS label FROM documents`);
  const byPrefix = groupBy(rows, (row) => `${row.org_id} ${String(row.number).split('-')[0]}`);
  for (const [key, group] of byPrefix) {
    const [orgId, prefix] = key.split(' ');
    const counter = counters.find((row) => row.org_id === orgId && row.prefix === prefix);
    const distinct = [...new Set(group.map((row) => String(row.number)))];
    const values = distinct.map((number) => Number(number.split('-').at(-1)));
    problems.push(...sequenceProblems(`document numbers ${prefix} in ${orgId}`, values, counter));
    const labels = groupBy(group, (row) => `${row.number} v${row.label}`);
    for (const [version, same] of labels) {
      if (same.length > 1) problems.push(`${version} in ${orgId}: ${same.length} records`);
    }
  }
  return problems;
}

export async function storedDiscrepancies(db: DirectDatabase): Promise<string[]> {
  const { builtInRegistry } = await loadCore();
  const problems: string[] = [];
  const counters = await db.query('SELECT org_id, record_type, year, last_value FROM record_counters');
  for (const recordType of builtInRegistry.list) {
    if (recordType.name === 'document') continue;
    const rows = await db.query(`SELECT org_id, number FROM ${recordType.collection}`);
    const numbers = groupBy(rows, (row) => `${row.org_id} ${String(row.number).split('-')[1]}`);
    for (const [key, group] of numbers) {
      const [orgId, year] = key.split(' ');
      const counter = counters.find(
        (row) => row.org_id === orgId && row.record_type === recordType.name && String(row.year) === year,
      );
      const values = group.map((row) => Number(String(row.number).split('-').at(-1)));
      problems.push(
        ...sequenceProblems(`${recordType.name} numbers of ${year} in ${orgId}`, values, counter),
      );
    }
  }
  problems.push(...(await documentNumberProblems(db)));
  const events = await db.query(
    `SELECT a.org_id, a.entries, coalesce(o.events, 0) AS events
     FROM (SELECT org_id, count(*)::int AS entries FROM audit_trail
           WHERE action <> 'signature_failed' AND record_type NOT IN (${organizationSettings})
           GROUP BY org_id) a
     LEFT JOIN (SELECT org_id, count(*)::int AS events FROM outbox WHERE type NOT IN ('amqp.publish', 'webhook.deliver') GROUP BY org_id) o USING (org_id)`,
  );
  for (const row of events) {
    if (Number(row.entries) !== Number(row.events)) {
      problems.push(`${row.org_id}: ${row.entries} audit entries of changes, ${row.events} outbox events`);
    }
  }
  const [claimed] = await db.query(
    'SELECT count(*)::int AS n FROM idempotency_keys WHERE status_code IS NULL',
  );
  if (Number(claimed?.n) > 0)
    problems.push(`${claimed?.n} idempotency keys claimed without a stored response`);
  return problems;
}
