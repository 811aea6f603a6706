import {
  type AuditTrailEntry,
  type auditTrailQuerySchema,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Page,
} from '@masetra/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod/mini';
import { decodeCursor, encodeCursor } from '../storage/cursor';
import type { Database } from '../storage/database';
import { ListQueryError } from '../storage/listQueryError';
import { toDate } from '../storage/timestamps';
import { fromAuditRow } from './auditEntryRow';

/**
 * Filters of an organization's trail, as `GET /audit-trail` takes them: record, actor, action,
 * a time range (ISO 8601, both ends included), and the page (`limit`, `cursor`).
 */
export type AuditTrailQuery = Omit<z.output<typeof auditTrailQuerySchema>, 'cursor'> & {
  /** The previous page's `nextCursor`, null included, so a caller can hand it straight back. */
  cursor?: Page<AuditTrailEntry>['nextCursor'];
  /** Entries up to this `seq` only: an export holds the trail as it stood when asked, not its own entry. */
  throughSeq?: number;
};

function timeOf(value: string, parameter: string): Date {
  try {
    return toDate(value);
  } catch {
    throw new ListQueryError('invalid_filter_value', parameter, `${parameter} is not a timestamp`);
  }
}

/** The organization's entries the filters select, before paging: the list's rows, and an export's count. */
export function auditTrailSelection(db: Kysely<Database>, orgId: string, query: AuditTrailQuery = {}) {
  let select = db.selectFrom('audit_trail').where('org_id', '=', orgId);
  if (query.recordType !== undefined) select = select.where('record_type', '=', query.recordType);
  if (query.recordId !== undefined) select = select.where('record_id', '=', query.recordId);
  if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
  if (query.action !== undefined) select = select.where('action', '=', query.action);
  if (query.from !== undefined) select = select.where('at', '>=', timeOf(query.from, 'from'));
  if (query.to !== undefined) select = select.where('at', '<=', timeOf(query.to, 'to'));
  if (query.throughSeq !== undefined) select = select.where('seq', '<=', query.throughSeq);
  return select;
}

/**
 * An organization's audit trail, oldest first, filtered by record, actor, action and time
 * for periodic review (PART11 item 8). Pages by `seq`, so paging stays cheap on any length.
 */
export async function queryAuditTrail(
  db: Kysely<Database>,
  orgId: string,
  query: AuditTrailQuery = {},
): Promise<Page<AuditTrailEntry>> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  let select = auditTrailSelection(db, orgId, query).selectAll();
  if (query.cursor) {
    const after = decodeCursor(query.cursor)?.seq;
    if (typeof after !== 'number' || !Number.isSafeInteger(after)) {
      throw new ListQueryError('invalid_cursor', 'cursor', 'The cursor does not belong to this list');
    }
    select = select.where('seq', '>', after);
  }
  const rows = await select
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(fromAuditRow);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ seq: last.seq }) : null };
}
