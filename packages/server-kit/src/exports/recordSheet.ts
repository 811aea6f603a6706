import { type ExportColumn, filterValues, type RecordType, resolveExportColumns } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import { problems } from '../http/problems';
import type { Database } from '../storage/database';
import { chooseListStrategy, type ListRecordsOptions, listRecordsQuery } from '../storage/listRecords';
import { type ExportCell, type ExportSheet, readAhead } from './exportSheet';
import { EXPORT_PAGE_SIZE, recordRowsPage, type StoredRecordRow, storedFieldValue } from './recordRowsPage';

/** A record export's query once the contract has checked it: the list's query, with `columns`. */
export type RecordExportQuery = Record<string, string | undefined> & { columns?: string | string[] };

/** Query parameters of the list that are not filters: paging, sort, search, and the export's columns. */
const notFilters = new Set(['limit', 'cursor', 'sort', 'q', 'columns']);

/**
 * The list options an export query stands for, built as the list's handler builds them: every
 * parameter but paging, sort and search is a filter (the type's filter fields, `state`,
 * `ownerId`, the creation time range), so an export selects exactly what the list shows.
 */
export function exportListOptions(query: RecordExportQuery): ListRecordsOptions {
  const filters = Object.fromEntries(
    Object.entries(query)
      .filter(([name, value]) => value !== undefined && !notFilters.has(name))
      .map(([name, value]) => [name, filterValues(value as string)]),
  );
  return {
    sort: (query.sort as string | undefined) ?? '-createdAt',
    q: query.q as string | undefined,
    filters,
  };
}

/** The columns an export names, or a 422 naming each field the type does not have. */
export function exportColumnsOrProblem(
  recordType: RecordType,
  columns: string | readonly string[] | undefined,
  pointer: string,
): ExportColumn[] {
  const resolved = resolveExportColumns(recordType, columns);
  if (resolved.unknown.length > 0 || resolved.columns.length === 0)
    throw problems.validation(
      `Columns must be fields of ${recordType.name}.`,
      resolved.unknown.length > 0
        ? resolved.unknown.map((name) => ({ pointer, detail: `${recordType.name} has no field ${name}.` }))
        : [{ pointer, detail: 'Name at least one column.' }],
      'unknown_column',
    );
  return resolved.columns;
}

function cellOf(value: unknown, column: ExportColumn): ExportCell {
  if (value === undefined || value === null) return null;
  if (column.kind === 'date') {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date : String(value);
  }
  if (column.kind === 'number' && typeof value === 'number') return value;
  if (column.kind === 'boolean' && typeof value === 'boolean') return value;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A record row's cells for the export's columns, typed by each field's schema. */
export function recordCells(row: StoredRecordRow, columns: readonly ExportColumn[]): ExportCell[] {
  return columns.map((column) => cellOf(storedFieldValue(row, column.field), column));
}

/**
 * An organization's records as an export sheet, read a page of `EXPORT_PAGE_SIZE` at a time by the
 * list's keyset cursor: memory stays at one page and each page costs the same however deep.
 */
export function recordSheet(
  db: Kysely<Database>,
  recordType: RecordType,
  orgId: string,
  options: ListRecordsOptions,
  columns: readonly ExportColumn[],
): ExportSheet {
  return {
    name: recordType.collection,
    columns: columns.map((column) => ({ header: column.field, kind: column.kind })),
    async *pages() {
      // Chosen once: either strategy reads the same rows, in the same order.
      const strategy = await chooseListStrategy(db, recordType, orgId, options.q?.trim(), EXPORT_PAGE_SIZE);
      const pages = readAhead((cursor) =>
        recordRowsPage(db, recordType, orgId, { ...options, cursor }, strategy),
      );
      for await (const page of pages)
        yield { rows: page.rows.map((row) => recordCells(row, columns)), items: page.rows.length };
    },
    async countItems() {
      const matched = listRecordsQuery(db, recordType, orgId, { ...options, cursor: undefined })
        .clearOrderBy()
        .clearLimit();
      const { rows } = await sql<{ count: string | number }>`
        SELECT count(*) AS count FROM (${matched}) AS matched`.execute(db);
      return Number(rows[0]?.count ?? 0);
    },
  };
}
