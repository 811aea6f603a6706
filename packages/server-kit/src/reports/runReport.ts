import {
  CYCLE_FROM_CREATION,
  filterValues,
  type RecordType,
  type ReportMetric,
  type ReportResult,
  type ReportRow,
  type ReportTimeBucket,
  reportOwnKeys,
  reportQuerySchema,
} from '@masetra/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../storage/database';
import { ListQueryError } from '../storage/listQueryError';
import { type ListFilterValue, recordFilterConditions } from '../storage/listRecords';
import { recordTableName } from '../storage/recordTableName';
import { doneStates } from './doneStates';
import { bucketSql, groupKeySql, overdueSql } from './reportSql';

/** A report query as the route's query string gives it: filters and the report's own keys, as text. */
export type ReportQueryInput = Record<string, string | undefined>;

export interface RunReportOptions {
  /** The moment `overdue` compares due dates with; the database's clock when left out. */
  now?: Date;
}

interface Parsed {
  groupBy: string | undefined;
  metric: ReportMetric;
  cycleFrom: string;
  cycleTo: readonly string[];
  filters: Record<string, ListFilterValue[]>;
  q: string | undefined;
}

/**
 * Checks a query against the record type's report schema, as the route does: callers other
 * than the route (a saved report, the management review pack) get the same refusals, as
 * {@link ListQueryError}s the HTTP layer answers with 400.
 */
function parseReportQuery(recordType: RecordType, input: ReportQueryInput): Parsed {
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const result = reportQuerySchema(recordType).safeParse(defined);
  if (!result.success) {
    const issue = result.error.issues[0];
    const parameter =
      issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : String(issue?.path[0] ?? '');
    throw new ListQueryError(
      'invalid_filter_value',
      parameter,
      `${parameter}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const { q, groupBy, metric, cycleFrom, cycleTo, ...rest } = result.data as Record<
    string,
    string | undefined
  >;
  const filters: Record<string, ListFilterValue[]> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (value !== undefined && !(reportOwnKeys as readonly string[]).includes(name))
      filters[name] = filterValues(value);
  }
  return {
    groupBy,
    metric: (metric as ReportMetric | undefined) ?? 'count',
    cycleFrom: cycleFrom ?? CYCLE_FROM_CREATION,
    cycleTo: cycleTo ? [cycleTo] : doneStates(recordType),
    filters,
    q,
  };
}

const whereAll = (conditions: RawBuilder<boolean>[]) =>
  conditions.length === 0 ? sql`` : sql`AND ${sql.join(conditions, sql` AND `)}`;

/**
 * Key order, by code point, records without a key last. Sorted here rather than by the
 * database: an ORDER BY can lead the planner to walk an index in key order instead of hashing a
 * parallel scan (slower over a million rows for a handful of groups), and collations differ
 * between servers while this order does not.
 */
function byKey(a: ReportRow, b: ReportRow): number {
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key < b.key ? -1 : 1;
}

const asCount = (value: unknown) => Number(value ?? 0);
const asDays = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * A report on one record type of one organization, computed by the database: the records the
 * list's filters select, grouped, with the metric per group. The filters are the list's own
 * conditions ({@link recordFilterConditions}), so a report's count equals the list's length.
 * Rows come in key order, records without a key last.
 *
 * @example
 * await runReport(db, deviation, orgId, { groupBy: 'severity', metric: 'count', state: 'closed' });
 */
export async function runReport(
  db: Kysely<Database>,
  recordType: RecordType,
  orgId: string,
  query: ReportQueryInput,
  options: RunReportOptions = {},
): Promise<ReportResult> {
  const parsed = parseReportQuery(recordType, query);
  const rows = (await reportRows(db, recordType, orgId, parsed, options)).sort(byKey);
  const totalOf = (row: ReportRow) =>
    parsed.metric === 'overdue'
      ? (row.overdue ?? 0)
      : parsed.metric === 'openedClosed'
        ? (row.opened ?? 0)
        : (row.count ?? 0);
  return {
    recordType: recordType.name,
    groupBy: parsed.metric === 'openedClosed' ? (parsed.groupBy ?? 'month') : (parsed.groupBy ?? null),
    metric: parsed.metric,
    rows,
    total: rows.reduce((sum, row) => sum + totalOf(row), 0),
  };
}

function reportRows(
  db: Kysely<Database>,
  recordType: RecordType,
  orgId: string,
  parsed: Parsed,
  options: RunReportOptions,
): Promise<ReportRow[]> {
  switch (parsed.metric) {
    case 'count':
      return countRows(db, recordType, orgId, parsed);
    case 'overdue':
      return overdueRows(db, recordType, orgId, parsed, options.now ?? new Date());
    case 'cycleTime':
      return cycleTimeRows(db, recordType, orgId, parsed);
    case 'openedClosed':
      return openedClosedRows(db, recordType, orgId, parsed);
  }
}

/** `SELECT key, count(*) ... GROUP BY key`: nothing around the GROUP BY the bare SQL does not have. */
async function countRows(db: Kysely<Database>, recordType: RecordType, orgId: string, parsed: Parsed) {
  const conditions = recordFilterConditions(recordType, { filters: parsed.filters, q: parsed.q });
  const { rows } = await sql<{ key: string | null; count: unknown }>`
    SELECT ${groupKeySql(recordType, parsed.groupBy)} AS key, count(*) AS count
    FROM ${sql.id(recordTableName(recordType))}
    WHERE org_id = ${orgId} ${whereAll(conditions)}
    GROUP BY 1`.execute(db);
  return rows.map((row) => ({ key: row.key, count: asCount(row.count) }));
}

async function overdueRows(
  db: Kysely<Database>,
  recordType: RecordType,
  orgId: string,
  parsed: Parsed,
  now: Date,
) {
  const conditions = recordFilterConditions(recordType, { filters: parsed.filters, q: parsed.q });
  const { rows } = await sql<{ key: string | null; count: unknown; overdue: unknown }>`
    SELECT ${groupKeySql(recordType, parsed.groupBy)} AS key, count(*) AS count,
      count(*) FILTER (WHERE ${overdueSql(recordType, now)}) AS overdue
    FROM ${sql.id(recordTableName(recordType))}
    WHERE org_id = ${orgId} ${whereAll(conditions)}
    GROUP BY 1`.execute(db);
  return rows.map((row) => ({ key: row.key, count: asCount(row.count), overdue: asCount(row.overdue) }));
}

/**
 * Days from the cycle's start (creation, or first reaching `cycleFrom`) to first reaching a
 * `cycleTo` state after it, read from the audit trail's moves; records still on the way are
 * not measured. `count` is how many were.
 */
async function cycleTimeRows(db: Kysely<Database>, recordType: RecordType, orgId: string, parsed: Parsed) {
  const conditions = recordFilterConditions(recordType, { filters: parsed.filters, q: parsed.q });
  // The type's moves into some states, joined to the records by their id; set-wise, so the
  // planner can hash a million records against the trail rather than probe it a million times.
  const movesInto = (states: readonly string[], alias: string) =>
    sql`audit_trail ${sql.raw(alias)} ON ${sql.raw(alias)}.org_id = ${orgId}
      AND ${sql.raw(alias)}.record_type = ${recordType.name}
      AND ${states.length > 0 ? sql`${sql.raw(alias)}.state_to IN (${sql.join([...states])})` : sql`false`}
      AND ${sql.raw(alias)}.state_from IS DISTINCT FROM ${sql.raw(alias)}.state_to`;
  const starts =
    parsed.cycleFrom === CYCLE_FROM_CREATION
      ? sql`SELECT record_id, key, created_at AS started_at FROM matched`
      : sql`SELECT matched.record_id, matched.key, min(a.at) AS started_at
          FROM matched JOIN ${movesInto([parsed.cycleFrom], 'a')} AND a.record_id = matched.record_id
          GROUP BY matched.record_id, matched.key`;
  const { rows } = await sql<{ key: string | null; count: unknown; median: unknown; p90: unknown }>`
    WITH matched AS (
      SELECT id::text AS record_id, ${groupKeySql(recordType, parsed.groupBy)} AS key, created_at
      FROM ${sql.id(recordTableName(recordType))}
      WHERE org_id = ${orgId} ${whereAll(conditions)}
    ), starts AS (${starts}
    ), cycles AS (
      SELECT starts.key, starts.started_at, min(b.at) AS ended_at
      FROM starts JOIN ${movesInto(parsed.cycleTo, 'b')} AND b.record_id = starts.record_id AND b.at >= starts.started_at
      GROUP BY starts.record_id, starts.key, starts.started_at
    )
    SELECT key, count(*) AS count,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - started_at) / 86400) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - started_at) / 86400) AS p90
    FROM cycles
    GROUP BY 1`.execute(db);
  return rows.map((row) => ({
    key: row.key,
    count: asCount(row.count),
    medianDays: asDays(row.median),
    p90Days: asDays(row.p90),
  }));
}

/**
 * Per month or week: records created in it, and records that first reached a `done` state in
 * it. The time range bounds each by its own moment; the other filters select the records.
 */
async function openedClosedRows(db: Kysely<Database>, recordType: RecordType, orgId: string, parsed: Parsed) {
  const bucket = (parsed.groupBy ?? 'month') as string;
  if (bucket !== 'month' && bucket !== 'week')
    throw new ListQueryError(
      'invalid_filter_value',
      'groupBy',
      'groupBy: openedClosed counts per month or week',
    );
  const { createdFrom, createdTo, ...filters } = parsed.filters;
  const inRange = (at: RawBuilder<unknown>) =>
    whereAll([
      ...(createdFrom?.[0] !== undefined
        ? [sql<boolean>`${at} >= ${String(createdFrom[0])}::timestamptz`]
        : []),
      ...(createdTo?.[0] !== undefined ? [sql<boolean>`${at} < ${String(createdTo[0])}::timestamptz`] : []),
    ]);
  // Checked like any other filter (one date-time each); the bounds then apply below.
  recordFilterConditions(recordType, { filters: { createdFrom, createdTo } });
  const conditions = recordFilterConditions(recordType, { filters, q: parsed.q });
  const byBucket = (at: RawBuilder<unknown>) => bucketSql(bucket as ReportTimeBucket, at);
  const done = doneStates(recordType);
  // A lifecycle without a done state closes nothing (and `IN ()` is no SQL).
  const reachesDone = done.length > 0 ? sql<boolean>`a.state_to IN (${sql.join(done)})` : sql<boolean>`false`;
  const { rows } = await sql<{ key: string; opened: unknown; closed: unknown }>`
    WITH matched AS (
      SELECT id, created_at FROM ${sql.id(recordTableName(recordType))}
      WHERE org_id = ${orgId} ${whereAll(conditions)}
    ), opened AS (
      SELECT ${byBucket(sql`created_at`)} AS key, count(*) AS n FROM matched
      WHERE true ${inRange(sql`created_at`)} GROUP BY 1
    ), finished AS (
      -- Every record's first arrival in a done state, in one pass over the type's moves, then
      -- joined by hash: a lookup per record would cost an index probe for each of a million.
      SELECT a.record_id, min(a.at) AS at FROM audit_trail a
      WHERE a.org_id = ${orgId} AND a.record_type = ${recordType.name}
        AND ${reachesDone} AND a.state_from IS DISTINCT FROM a.state_to
      GROUP BY a.record_id
    ), closed AS (
      SELECT ${byBucket(sql`finished.at`)} AS key, count(*) AS n
      FROM finished JOIN matched ON finished.record_id = matched.id::text
      WHERE true ${inRange(sql`finished.at`)} GROUP BY 1
    )
    SELECT coalesce(opened.key, closed.key) AS key, coalesce(opened.n, 0) AS opened, coalesce(closed.n, 0) AS closed
    FROM opened FULL JOIN closed ON opened.key = closed.key`.execute(db);
  return rows.map((row) => ({ key: row.key, opened: asCount(row.opened), closed: asCount(row.closed) }));
}
