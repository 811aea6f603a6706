import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type RecordOf, type RecordType } from '@masetra/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
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
  /** Page size, 1 to `MAX_PAGE_SIZE`; `DEFAULT_PAGE_SIZE` when left out. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
  /** A sort key, `-` first for descending: `-createdAt` (the default), `number`, `severity`. */
  sort?: string;
  /**
   * Exact matches: `state`, `ownerId` and the type's `filterFields`; an array matches any of its
   * values. `createdFrom` (inclusive) and `createdTo` (exclusive) bound the creation time instead.
   */
  filters?: Record<string, ListFilterValue | readonly ListFilterValue[] | undefined>;
  /** Full-text query over the type's `searchFields` (web-search syntax: `"exact phrase" -word or`). */
  q?: string;
}

/** A page of records: core's one page type. */
export type RecordPage<T> = Page<T>;

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
 * How a search reads a page. Sorting its m matches reads m rows (through the GIN index);
 * walking the sort key's index reads about page × n / m of the n rows before it has a page.
 * So it sorts the matches when m² ≤ page × n, and walks when they are dense, reading at most
 * about √(page × n) rows either way, and never more than FEW_MATCHES to sort. The planner
 * cannot choose this itself: it estimates every term missing from its statistics at 0.5 % of
 * the rows, so for a rare term (a lot number) it walked the whole index in search of 51 rows
 * that were not there: 1.2 s at a million rows.
 */
export const FEW_MATCHES = 2_000;

/** How to read a page: walk the sort key's index, or sort the search's matches. */
export type ListStrategy = 'walk-index' | 'sort-matches';

const searchCondition = (q: string) => sql<boolean>`search @@ websearch_to_tsquery('simple', ${q})`;

/** The bounds of the creation time range, filters of their own: `createdFrom` inclusive, `createdTo` exclusive. */
const createdBounds: Record<string, string> = { createdFrom: '>=', createdTo: '<' };

function createdBound(
  name: string,
  filter: ListFilterValue | readonly ListFilterValue[],
): RawBuilder<boolean> {
  const values = (Array.isArray(filter) ? filter : [filter]).map(String);
  const value = values[0];
  // Refused here rather than by a failing cast in the database (a 500).
  if (values.length !== 1 || value === undefined || Number.isNaN(Date.parse(value)))
    throw new ListQueryError('invalid_filter_value', name, `${name} must be one ISO 8601 date-time`);
  return sql<boolean>`created_at ${sql.raw(createdBounds[name]!)} ${new Date(value).toISOString()}::timestamptz`;
}

/**
 * The conditions a list's filters put on a record row: exact matches on `state`, `ownerId` and
 * the type's `filterFields`, the creation time range, and the full-text query. Lists, reports
 * and exports share them, so the same filters select the same records everywhere. Throws
 * {@link ListQueryError} for a filter the type does not offer.
 */
export function recordFilterConditions(
  recordType: RecordType,
  options: Pick<ListRecordsOptions, 'filters' | 'q'>,
): RawBuilder<boolean>[] {
  const conditions: RawBuilder<boolean>[] = [];
  for (const [name, filter] of Object.entries(options.filters ?? {})) {
    if (filter === undefined) continue;
    if (name in createdBounds) {
      conditions.push(createdBound(name, filter));
      continue;
    }
    const target = sql.raw(filterTarget(recordType, name));
    const values = (Array.isArray(filter) ? filter : [filter]).map(String);
    // An empty list matches nothing, as `IN ()` would if SQL allowed it.
    conditions.push(
      values.length === 0 ? sql<boolean>`false` : sql<boolean>`${target} IN (${sql.join(values)})`,
    );
  }
  const q = options.q?.trim();
  if (q) conditions.push(searchCondition(q));
  return conditions;
}

/** The filters and the cursor's position, as conditions on a record row. */
function pageConditions(recordType: RecordType, options: ListRecordsOptions, sort: string) {
  const { key, descending } = sortKeyOf(recordType, sort);
  // The query's search is not among them: where it applies depends on the list's strategy.
  const conditions = recordFilterConditions(recordType, { filters: options.filters });
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
    conditions.push(
      sql<boolean>`(${sql.raw(key.expression)}, id) ${comparison} (${String(value)}::${sql.raw(key.type)}, ${id}::uuid)`,
    );
  }
  return conditions;
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
  strategy: ListStrategy = 'walk-index',
) {
  const limit = pageSize(options);
  const sort = options.sort ?? '-createdAt';
  const { key, descending } = sortKeyOf(recordType, sort);
  const keyExpression = sql.raw(key.expression);
  const direction = descending ? 'desc' : 'asc';
  const q = options.q?.trim();
  const table = recordTableName(recordType);
  const records = asRecordDatabase(db);

  // The same page either way; only where its rows are read from differs.
  let query =
    strategy === 'sort-matches' && q
      ? records
          .with(
            (cte) => cte('matches').materialized(),
            (from) =>
              from
                .selectFrom(table)
                .select(recordColumns)
                .where('org_id', '=', orgId)
                .where(searchCondition(q)),
          )
          .selectFrom('matches')
          .select(recordColumns)
      : records
          .selectFrom(table)
          .select(recordColumns)
          .where('org_id', '=', orgId)
          .$if(!!q, (rows) => rows.where(searchCondition(q!)));
  for (const condition of pageConditions(recordType, options, sort)) query = query.where(condition);
  return query
    .select(sql<unknown>`${keyExpression}`.as('sort_value'))
    .orderBy(keyExpression, direction)
    .orderBy('id', direction)
    .limit(limit + 1);
}

/** The table's row count as the planner last measured it; null before the first ANALYZE. */
async function estimatedRows(db: Kysely<Database>, table: string): Promise<number | null> {
  const { rows } = await sql<{ reltuples: number | string }>`
    SELECT reltuples FROM pg_class WHERE oid = to_regclass(${table})`.execute(db);
  const count = Number(rows[0]?.reltuples ?? -1);
  return count >= 0 ? count : null;
}

/** Whether a search should sort its matches or walk the sort key's index (see FEW_MATCHES). */
export async function chooseListStrategy(
  db: Kysely<Database>,
  recordType: RecordType,
  orgId: string,
  q: string | undefined,
  pageLimit = 50,
): Promise<ListStrategy> {
  if (!q) return 'walk-index';
  const table = recordTableName(recordType);
  // The whole table's count stands in for the organization's: too high when it shares the
  // table, which only leans towards sorting the matches, whose cost is bounded anyway.
  const rows = await estimatedRows(db, table);
  const threshold =
    rows === null ? FEW_MATCHES : Math.min(FEW_MATCHES, Math.floor(Math.sqrt((pageLimit + 1) * rows)));
  const { matched } = await asRecordDatabase(db)
    .selectFrom((from) =>
      from
        .selectFrom(table)
        .select('id')
        .where('org_id', '=', orgId)
        .where(searchCondition(q))
        .limit(threshold + 1)
        .as('probe'),
    )
    .select((eb) => eb.fn.countAll<string | number>().as('matched'))
    .executeTakeFirstOrThrow();
  return Number(matched) <= threshold ? 'sort-matches' : 'walk-index';
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
  return Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
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
  /** Left out, it is chosen by the number of matches; tests set it to compare the two. */
  forcedStrategy?: ListStrategy,
): Promise<RecordPage<RecordOf<T>>> {
  const limit = pageSize(options);
  const sort = options.sort ?? '-createdAt';
  // Built first: a bad sort, filter or cursor is refused before the database is asked anything.
  const walkIndex = listRecordsQuery(db, recordType, orgId, options, 'walk-index');
  const strategy =
    forcedStrategy ?? (await chooseListStrategy(db, recordType, orgId, options.q?.trim(), limit));
  const query =
    strategy === 'walk-index' ? walkIndex : listRecordsQuery(db, recordType, orgId, options, strategy);
  const rows = await query.execute();
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
