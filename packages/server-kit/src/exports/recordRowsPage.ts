import type { RecordType } from '@masetra/core';
import type { Kysely } from 'kysely';
import { encodeCursor } from '../storage/cursor';
import type { Database } from '../storage/database';
import { type ListRecordsOptions, type ListStrategy, listRecordsQuery } from '../storage/listRecords';

/** A record's row as the list's query reads it: its columns, the type's fields in `data`. */
export type StoredRecordRow = Awaited<ReturnType<ReturnType<typeof listRecordsQuery>['execute']>>[number];

/** The record base fields an export may name, by the column that holds them. */
export const baseFieldColumns: Readonly<Record<string, keyof StoredRecordRow>> = {
  id: 'id',
  number: 'number',
  state: 'state',
  version: 'version',
  ownerId: 'owner_id',
  createdBy: 'created_by',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** A field's value straight from the row; an export turns it into a typed cell. */
export function storedFieldValue(row: StoredRecordRow, field: string): unknown {
  const column = baseFieldColumns[field];
  return column ? row[column] : (row.data as Record<string, unknown>)[field];
}

/**
 * Rows an export reads at a time. Larger than an API page (`MAX_PAGE_SIZE`): each page is a round
 * trip to the database, which on a loaded machine costs more than the rows; a thousand rows are
 * still about a megabyte held at once.
 */
export const EXPORT_PAGE_SIZE = 1000;

function cursorValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'number' ? value : String(value);
}

/**
 * One page of the list's own query (`listRecordsQuery`: the same filters, search, order and
 * keyset cursor as `GET /{collection}`), as rows. An export reads its cells from the rows: at
 * 100,000 records, building each record object first cost more than writing the workbook.
 */
export async function recordRowsPage(
  db: Kysely<Database>,
  recordType: RecordType,
  orgId: string,
  options: ListRecordsOptions,
  strategy: ListStrategy,
): Promise<{ rows: StoredRecordRow[]; nextCursor: string | null }> {
  const sort = options.sort ?? '-createdAt';
  const rows = await listRecordsQuery(db, recordType, orgId, options, strategy)
    .clearLimit()
    .limit(EXPORT_PAGE_SIZE + 1)
    .execute();
  const page = rows.slice(0, EXPORT_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > EXPORT_PAGE_SIZE && last
        ? encodeCursor({ s: sort, v: cursorValue(last.sort_value), i: last.id })
        : null,
  };
}
