import type { Kpis, RecordType, RecordTypeRegistry } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/database';
import { dataFieldText } from '../storage/dataFieldSql';
import { recordTableName } from '../storage/recordTableName';
import { doneStates } from './doneStates';
import { firstReachedSql, overdueSql, unfinishedSql } from './reportSql';
import { runReport } from './runReport';

/** The KPIs' period: `from` inclusive, `to` exclusive; `now` is the moment open and overdue counts are taken. */
export interface KpiPeriod {
  from: Date | string;
  to: Date | string;
  now?: Date | string;
}

const DAY_MS = 86_400_000;
/** How far ahead a periodic review counts as due (the reminders' window). */
const REVIEW_DUE_WINDOW_DAYS = 30;

/** The last 12 months: from the first day of the month 11 months back to now. */
export function defaultKpiPeriod(now: Date): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)), to: now };
}

const iso = (value: Date | string) => new Date(value).toISOString();
const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const table = (recordType: RecordType) => sql.id(recordTableName(recordType));

async function openByState(db: Kysely<Database>, recordType: RecordType, orgId: string) {
  const { rows } = await sql<{ state: string; count: unknown }>`
    SELECT state, count(*) AS count FROM ${table(recordType)}
    WHERE org_id = ${orgId} AND ${unfinishedSql(recordType)}
    GROUP BY state ORDER BY state`.execute(db);
  return rows.map((row) => ({ recordType: recordType.name, state: row.state, count: Number(row.count) }));
}

async function bySeverity(
  db: Kysely<Database>,
  recordType: RecordType,
  orgId: string,
  where: ReturnType<typeof sql<boolean>>,
) {
  const field = sql.raw(dataFieldText(recordType.severityField!));
  const { rows } = await sql<{ severity: string | null; count: unknown }>`
    SELECT ${field} AS severity, count(*) AS count FROM ${table(recordType)}
    WHERE org_id = ${orgId} AND ${where}
    GROUP BY 1 ORDER BY 1 NULLS LAST`.execute(db);
  return rows.map((row) => ({ severity: row.severity, count: Number(row.count) }));
}

async function overdueCount(
  db: Kysely<Database>,
  recordType: RecordType | undefined,
  orgId: string,
  now: Date,
) {
  if (!recordType?.dueField) return 0;
  const { rows } = await sql<{ count: unknown }>`
    SELECT count(*) AS count FROM ${table(recordType)}
    WHERE org_id = ${orgId} AND ${overdueSql(recordType, now)}`.execute(db);
  return Number(rows[0]?.count ?? 0);
}

/** Tasks not done whose due date has passed, of CAPAs not finished (as `capaOverdueTasks` reads one CAPA). */
async function overdueCapaTasks(
  db: Kysely<Database>,
  capa: RecordType | undefined,
  orgId: string,
  now: Date,
) {
  if (!capa) return 0;
  const { rows } = await sql<{ count: unknown }>`
    SELECT count(*) AS count
    FROM ${table(capa)}, jsonb_array_elements(CASE WHEN jsonb_typeof(data->'tasks') = 'array' THEN data->'tasks' ELSE '[]'::jsonb END) AS task
    WHERE org_id = ${orgId} AND ${unfinishedSql(capa)}
      AND coalesce(task->>'done', 'false') <> 'true'
      AND task->>'dueAt' ~ '^\\d{4}-\\d{2}-\\d{2}T'
      AND (task->>'dueAt')::timestamptz < ${now.toISOString()}::timestamptz`.execute(db);
  return Number(rows[0]?.count ?? 0);
}

/** CAPAs that first reached a done state in the period, and those of them on or before their due date. */
async function capaOnTime(
  db: Kysely<Database>,
  capa: RecordType | undefined,
  orgId: string,
  from: string,
  to: string,
) {
  if (!capa) return { closed: 0, onTime: 0, rate: null };
  const done = doneStates(capa);
  const due = sql.raw(dataFieldText('dueAt'));
  const { rows } = await sql<{ closed: unknown; on_time: unknown }>`
    WITH finished AS (
      SELECT ${due} AS due, ${firstReachedSql(capa, orgId, done, sql`${table(capa)}.id`)} AS at
      FROM ${table(capa)} WHERE org_id = ${orgId} AND state IN (${sql.join(done)})
    )
    SELECT count(*) AS closed,
      count(*) FILTER (WHERE due ~ '^\\d{4}-\\d{2}-\\d{2}T' AND at <= due::timestamptz) AS on_time
    FROM finished WHERE at >= ${from}::timestamptz AND at < ${to}::timestamptz`.execute(db);
  const closed = Number(rows[0]?.closed ?? 0);
  const onTime = Number(rows[0]?.on_time ?? 0);
  return { closed, onTime, rate: rate(onTime, closed) };
}

/**
 * Effectiveness checks decided in the period, read from the CAPA lifecycle's moves out of
 * `effectiveness_check`: to a done state (CONFIRM_EFFECTIVE) is effective, back to
 * `implementation` (REPORT_NOT_EFFECTIVE) is not. A cancellation decides nothing.
 */
async function capaEffectiveness(
  db: Kysely<Database>,
  capa: RecordType | undefined,
  orgId: string,
  from: string,
  to: string,
) {
  if (!capa?.states.includes('effectiveness_check')) return { checks: 0, effective: 0, rate: null };
  const done = doneStates(capa);
  const { rows } = await sql<{ effective: unknown; not_effective: unknown }>`
    SELECT count(*) FILTER (WHERE state_to IN (${sql.join(done)})) AS effective,
      count(*) FILTER (WHERE state_to = 'implementation') AS not_effective
    FROM audit_trail
    WHERE org_id = ${orgId} AND record_type = ${capa.name} AND action = 'transition'
      AND state_from = 'effectiveness_check' AND at >= ${from}::timestamptz AND at < ${to}::timestamptz`.execute(
    db,
  );
  const effective = Number(rows[0]?.effective ?? 0);
  const checks = effective + Number(rows[0]?.not_effective ?? 0);
  return { checks, effective, rate: rate(effective, checks) };
}

/** Effective documents whose periodic review falls due within the window, and those past it. */
async function documentsDueForReview(
  db: Kysely<Database>,
  document: RecordType | undefined,
  orgId: string,
  now: Date,
) {
  if (!document?.dueField || !document.states.includes('effective'))
    return { dueWithin30Days: 0, overdue: 0 };
  const due = sql.raw(dataFieldText(document.dueField));
  const until = new Date(now.getTime() + REVIEW_DUE_WINDOW_DAYS * DAY_MS).toISOString();
  const { rows } = await sql<{ soon: unknown; overdue: unknown }>`
    WITH reviewed AS (
      SELECT (substr(${due}, 1, 10) || 'T00:00:00Z')::timestamptz AS due_at FROM ${table(document)}
      WHERE org_id = ${orgId} AND state = 'effective' AND ${due} ~ '^\\d{4}-\\d{2}-\\d{2}'
    )
    SELECT count(*) FILTER (WHERE due_at >= ${now.toISOString()}::timestamptz AND due_at < ${until}::timestamptz) AS soon,
      count(*) FILTER (WHERE due_at < ${now.toISOString()}::timestamptz) AS overdue
    FROM reviewed`.execute(db);
  return { dueWithin30Days: Number(rows[0]?.soon ?? 0), overdue: Number(rows[0]?.overdue ?? 0) };
}

/**
 * The dashboard's built-in KPIs of one organization, each computed by the database: open records
 * by state and by severity, overdue deviations, CAPAs and CAPA tasks (as of `now`); CAPA on-time
 * and effectiveness rates, findings by classification and opened vs closed per month (over the
 * period). Types the registry does not serve count as none.
 *
 * @example
 * const kpis = await computeKpis(storage.db, registry, orgId, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', now: new Date() });
 */
export async function computeKpis(
  db: Kysely<Database>,
  registry: RecordTypeRegistry,
  orgId: string,
  period: KpiPeriod,
): Promise<Kpis> {
  const from = iso(period.from);
  const to = iso(period.to);
  const now = new Date(period.now ?? new Date());
  const capa = registry.byName('capa');
  const finding = registry.byName('finding');
  const severityTypes = registry.list.filter((recordType) => recordType.severityField !== undefined);
  const openBySeverity = [];
  for (const recordType of severityTypes) {
    const rows = await bySeverity(db, recordType, orgId, unfinishedSql(recordType));
    openBySeverity.push(...rows.map((row) => ({ recordType: recordType.name, ...row })));
  }
  const openedClosedByMonth = [];
  for (const recordType of registry.list) {
    const report = await runReport(db, recordType, orgId, {
      metric: 'openedClosed',
      groupBy: 'month',
      createdFrom: from,
      createdTo: to,
    });
    openedClosedByMonth.push(
      ...report.rows.map((row) => ({
        recordType: recordType.name,
        month: row.key ?? '',
        opened: row.opened ?? 0,
        closed: row.closed ?? 0,
      })),
    );
  }
  return {
    period: { from, to },
    generatedAt: now.toISOString(),
    openByState: (
      await Promise.all(registry.list.map((recordType) => openByState(db, recordType, orgId)))
    ).flat(),
    openBySeverity,
    overdue: {
      deviations: await overdueCount(db, registry.byName('deviation'), orgId, now),
      capas: await overdueCount(db, capa, orgId, now),
      capaTasks: await overdueCapaTasks(db, capa, orgId, now),
    },
    capaOnTime: await capaOnTime(db, capa, orgId, from, to),
    capaEffectiveness: await capaEffectiveness(db, capa, orgId, from, to),
    documentsDueForReview: await documentsDueForReview(db, registry.byName('document'), orgId, now),
    findingsBySeverity: finding?.severityField
      ? await bySeverity(
          db,
          finding,
          orgId,
          sql<boolean>`created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz`,
        )
      : [],
    openedClosedByMonth,
  };
}
