import type { RecordType, ReportTimeBucket } from '@masetra/core';
import { type RawBuilder, sql } from 'kysely';
import { dataFieldText } from '../storage/dataFieldSql';

/** The first day (UTC) of the month or ISO week a moment falls in, as `YYYY-MM-DD`. */
export function bucketSql(bucket: ReportTimeBucket, at: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`to_char(date_trunc(${sql.lit(bucket)}, ${at} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
}

/** What a report groups by, as SQL over a record row; `null` for one row over all. */
export function groupKeySql(recordType: RecordType, groupBy: string | undefined): RawBuilder<string | null> {
  if (groupBy === undefined) return sql<null>`NULL::text`;
  if (groupBy === 'state') return sql<string>`state`;
  if (groupBy === 'ownerId') return sql<string>`owner_id`;
  if (groupBy === 'month' || groupBy === 'week') return bucketSql(groupBy, sql`created_at`);
  if ((recordType.groupFields as readonly string[]).includes(groupBy))
    return sql<string | null>`${sql.raw(dataFieldText(groupBy))}`;
  throw new Error(`${recordType.name} cannot be grouped by ${groupBy}`);
}

/** `state NOT IN (final states)`: the record is not finished. */
export function unfinishedSql(recordType: RecordType): RawBuilder<boolean> {
  return recordType.finalStates.length === 0
    ? sql<boolean>`true`
    : sql<boolean>`state NOT IN (${sql.join([...recordType.finalStates])})`;
}

/**
 * Whether an unfinished record is past its due field at `now`. The field holds an ISO 8601
 * date-time (`dueAt`) or date (`nextReviewDue`, midnight UTC); the regular expression keeps a
 * malformed value from failing the cast (it is no due date at all).
 */
export function overdueSql(recordType: RecordType, now: Date): RawBuilder<boolean> {
  if (!recordType.dueField) return sql<boolean>`false`;
  const due = sql.raw(dataFieldText(recordType.dueField));
  return sql<boolean>`(${unfinishedSql(recordType)} AND ${due} ~ '^\\d{4}-\\d{2}-\\d{2}' AND (CASE WHEN ${due} ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN (${due} || 'T00:00:00Z') ELSE ${due} END)::timestamptz < ${now.toISOString()}::timestamptz)`;
}

/**
 * When the record first reached one of `states` (at or after `after`, when given): the
 * earliest audit-trail entry that moved it there. Its create entry counts for the initial state.
 */
export function firstReachedSql(
  recordType: RecordType,
  orgId: string,
  states: readonly string[],
  recordId: RawBuilder<unknown>,
  after?: RawBuilder<unknown>,
): RawBuilder<Date | null> {
  if (states.length === 0) return sql<null>`NULL::timestamptz`;
  return sql<Date | null>`(SELECT min(a.at) FROM audit_trail a
    WHERE a.org_id = ${orgId} AND a.record_type = ${recordType.name} AND a.record_id = ${recordId}::text
      AND a.state_to IN (${sql.join([...states])}) AND a.state_from IS DISTINCT FROM a.state_to
      ${after ? sql`AND a.at >= ${after}` : sql``})`;
}
