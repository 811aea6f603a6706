import { type auditTrailExportQuerySchema, MAX_PAGE_SIZE } from '@masetra/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod/mini';
import { auditTrailCsvColumns, auditTrailRowsOf } from '../audit-trail/auditTrailCsv';
import { auditTrailSelection, queryAuditTrail } from '../audit-trail/queryAuditTrail';
import type { Database } from '../storage/database';
import { type ExportCell, type ExportSheet, type ExportSheetColumn, readAhead } from './exportSheet';

export type AuditTrailExportQuery = z.output<typeof auditTrailExportQuerySchema>;

/** The CSV's columns, with the sequence a number and the time a real date in a workbook. */
const columns: ExportSheetColumn[] = auditTrailCsvColumns.map((header) => ({
  header,
  kind: header === 'seq' ? 'number' : header === 'at' ? 'date' : 'text',
}));

/** One row per changed field, as the CSV has them, with typed cells. */
function typedRow(row: readonly string[]): ExportCell[] {
  return row.map((cell, index) => {
    const kind = columns[index]?.kind;
    if (kind === 'number') return Number(cell);
    if (kind === 'date') return new Date(cell);
    return cell;
  });
}

/** The filtered trail's entries up to `throughSeq`, oldest first, a page at a time, each read while the one before is written. */
export function auditTrailPages(
  db: Kysely<Database>,
  orgId: string,
  filters: AuditTrailExportQuery,
  throughSeq: number,
) {
  return readAhead((cursor) =>
    queryAuditTrail(db, orgId, { ...filters, throughSeq, cursor, limit: MAX_PAGE_SIZE }),
  );
}

/**
 * An organization's filtered trail as an export sheet, oldest first, a page at a time by `seq`,
 * up to `throughSeq`: the trail as it stood when the export was asked for.
 */
export function auditTrailSheet(
  db: Kysely<Database>,
  orgId: string,
  filters: AuditTrailExportQuery,
  throughSeq: number,
): ExportSheet {
  const query = { ...filters, throughSeq };
  return {
    name: 'audit-trail',
    columns,
    async *pages() {
      for await (const page of auditTrailPages(db, orgId, filters, throughSeq))
        yield { rows: page.items.flatMap(auditTrailRowsOf).map(typedRow), items: page.items.length };
    },
    async countItems() {
      const { count } = await auditTrailSelection(db, orgId, query)
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(count);
    },
  };
}
