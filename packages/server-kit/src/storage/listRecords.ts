import type { RecordOf, RecordType } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import { decodeCursor, encodeCursor } from './cursor';
import type { Database } from './database';
import { dataFieldText } from './dataFieldSql';
import { ListQueryError } from './listQueryError';
import { asRecordDatabase, recordColumns, uuidPattern } from './recordDatabase';
import { fromRecordRow } from './recordRow';
import { type RecordSortKey, recordSortKeys } from './recordSortKeys';
import { recordTableName } from './recordTableName';

export type ListFilterValue = string | number | boolean;

export interface ListRecordsOptions {
  /** Page size, 1 to 200; 50 when left out. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
  /** A sort key, `-` first for descending: `-createdAt` (the default), `number`, `severity`. */
  sort?: string;
  /** Exact matches: `state`, `ownerId` and the type's `filterFields`; an array matches any of its values. */
  filters?: Record<string, ListFilterValue | readonly ListFilterValue[] | undefined>;
  /** Full-text query over the type's `searchFields` (web-search syntax: `"exact phrase" -word or`). */
  q?: string;
}

export interface RecordPage<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}

const maxLimit = 200;

function sortKeyOf(recordType: RecordType, sort: string): { key: RecordSortKey; descending: boolean } {
  const descending = sort.startsWith('-');
  const key = recordSortKeys(recordType).get(descending ? sort.slice(1) : sort);
  if (!key)
    throw new ListQueryError('unknown_sort', 'sort', `${recordType.name} cannot be sorted by ${sort}`);
  return { key, descending };
}

/** The SQL a filter compares: a column for base fields, the jsonb text for the type's own. */
function filterTarget(recordType: RecordType, name: string): string {
  if (name === 'state') return 'state';
  if (name === 'ownerId') return 'owner_id';
  if ((recordType.filterFields as readonly string[]).includes(name)) return dataFieldText(name);
  throw new ListQueryError('unknown_filter', name, `${recordType.name} cannot be filtered by ${name}`);
}

function cursorValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'number' ? value : String(value);
}

/**
 * The query behind {@link listRecords}, one row past the page so the caller knows whether
 * another follows. Exposed for tests that read its plan.
 */
export function listRecordsQuery(
  db: Kysely<Database>,
  recordType: RecordType,
  orgId: string,
  options: ListRecordsOptions = {},
) {
  const limit = pageSize(options);
  const sort = options.sort ?? '-createdAt';
  const { key, descending } = sortKeyOf(recordType, sort);
  const keyExpression = sql.raw(key.expression);

  let query = asRecordDatabase(db)
    .selectFrom(recordTableName(recordType))
    .select(recordColumns)
    .select(sql<unknown>`${keyExpression}`.as('sort_value'))
    .where('org_id', '=', orgId);

  for (const [name, filter] of Object.entries(options.filters ?? {})) {
    if (filter === undefined) continue;
    const target = sql.raw(filterTarget(recordType, name));
    const values = (Array.isArray(filter) ? filter : [filter]).map(String);
    // An empty list matches nothing, as `IN ()` would if SQL allowed it.
    query = query.where(
      values.length === 0 ? sql<boolean>`false` : sql<boolean>`${target} IN (${sql.join(values)})`,
    );
  }

  const q = options.q?.trim();
  if (q) query = query.where(sql<boolean>`search @@ websearch_to_tsquery('simple', ${q})`);

  if (options.cursor) {
    const position = decodeCursor(options.cursor);
    const value = position?.v;
    const id = position?.i;
    const valid =
      position?.s === sort &&
      (typeof value === 'string' || typeof value === 'number') &&
      typeof id === 'string' &&
      uuidPattern.test(id) &&
      castable(value, key.type);
    if (!valid)
      throw new ListQueryError('invalid_cursor', 'cursor', 'The cursor does not belong to this list');
    const comparison = sql.raw(descending ? '<' : '>');
    query = query.where(
      sql<boolean>`(${keyExpression}, id) ${comparison} (${String(value)}::${sql.raw(key.type)}, ${id}::uuid)`,
    );
  }

  const direction = descending ? 'desc' : 'asc';
  return query
    .orderBy(keyExpression, direction)
    .orderBy('id', direction)
    .limit(limit + 1);
}

/** A forged cursor must be refused here, not by a failing cast in the database (a 500). */
function castable(value: string | number, type: string): boolean {
  const text = String(value);
  switch (type) {
    case 'timestamptz':
      return (
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) &&
        !Number.isNaN(Date.parse(text))
      );
    case 'integer':
      return /^-?\d{1,9}$/.test(text);
    case 'numeric':
      return text === '-Infinity' || Number.isFinite(Number(text));
    default:
      return true;
  }
}

function pageSize(options: ListRecordsOptions): number {
  return Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), maxLimit);
}

/**
 * One page of an organization's records, in keyset order: the cursor holds the last row's
 * sort value and id, and the next page starts after them through an index, so a page costs
 * the same on page 1 and page 10,000 and rows added meanwhile neither repeat nor vanish.
 */
export async function listRecords<T extends RecordType>(
  db: Kysely<Database>,
  recordType: T,
  orgId: string,
  options: ListRecordsOptions = {},
): Promise<RecordPage<RecordOf<T>>> {
  const limit = pageSize(options);
  const sort = options.sort ?? '-createdAt';
  const rows = await listRecordsQuery(db, recordType, orgId, options).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => fromRecordRow(recordType, row)),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ s: sort, v: cursorValue(last.sort_value), i: last.id })
        : null,
  };
}
