import { PassThrough, Readable } from 'node:stream';
import { auditTrailExportQuerySchema, type RecordType } from '@masetra/core';
import { authorize, authorizeOrganization } from '../http/authorize';
import { type RequestContext, recordTypeOf } from '../http/KitContext';
import { parseQuery, queryObject } from '../http/parseInput';
import { auditExport } from './auditExport';
import { auditTrailHeadSeq } from './auditTrailHead';
import { auditTrailSheet } from './auditTrailSheet';
import { attachmentDisposition, exportFileName } from './exportFileName';
import type { ExportSheet } from './exportSheet';
import {
  exportColumnsOrProblem,
  exportListOptions,
  type RecordExportQuery,
  recordSheet,
} from './recordSheet';
import {
  ExportOutputClosedError,
  openSheet,
  type SheetFormat,
  sheetContentTypes,
  writeSheet,
} from './writeSheet';

/**
 * Streams a sheet as a download. The first page is read before answering, so a bad query is a
 * problem response; the export is written to the trail then, before the first byte leaves, so a
 * download cut half-way still says it was asked for.
 */
async function streamSheet(
  context: RequestContext,
  sheet: ExportSheet,
  format: SheetFormat,
  audit: { what: string; filters: Record<string, unknown> },
): Promise<Response> {
  const opened = await openSheet(sheet);
  await auditExport(context.kit.storage.db, context, { ...audit, format });
  // Checkpointed as every write is, when the host keeps checkpoints.
  await context.kit.auditCheckpointer?.checkpoint(context.principal.orgId);
  const output = new PassThrough();
  writeSheet(format, opened, output).catch((error) => {
    // A client that went away is no error of the server's; anything else is reported, and the download cut.
    if (error instanceof ExportOutputClosedError) return;
    context.kit.options.hooks?.onError?.(error, context.request);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const fileName = exportFileName(sheet.name, format, context.kit.now());
  return new Response(Readable.toWeb(output) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      'content-type': sheetContentTypes[format],
      'content-disposition': attachmentDisposition(fileName),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(format === 'csv' ? { 'x-masetra-csv-formulas': 'escaped' } : {}),
    },
  });
}

/** Filters as the trail records them: the query minus what only shapes the file. */
function filtersOf(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).filter(([key, value]) => value !== undefined && key !== 'columns'),
  );
}

/** A record type's sheet for an export query: checked columns, the list's own options. */
export function recordExportSheet(
  context: Pick<RequestContext, 'kit' | 'principal'>,
  recordType: RecordType,
  query: RecordExportQuery,
  columnsPointer: string,
): ExportSheet {
  const columns = exportColumnsOrProblem(recordType, query.columns, columnsPointer);
  return recordSheet(
    context.kit.storage.db,
    recordType,
    context.principal.orgId,
    exportListOptions(query),
    columns,
  );
}

function recordExportHandler(format: SheetFormat) {
  return async (context: RequestContext): Promise<Response> => {
    const recordType = recordTypeOf(context);
    authorize(context, recordType, 'read');
    const query = parseQuery(context.route.query, queryObject(context.url)) as RecordExportQuery;
    const sheet = recordExportSheet(context, recordType, query, '/columns');
    return streamSheet(context, sheet, format, {
      what: recordType.collection,
      filters: { ...filtersOf(query), columns: sheet.columns.map((column) => column.header) },
    });
  };
}

/** `GET /{collection}/export.csv`: the filtered list, one row per record, the chosen columns. */
export const recordExportCsvHandler = recordExportHandler('csv');
/** `GET /{collection}/export.xlsx`: the same as a workbook with typed cells. */
export const recordExportXlsxHandler = recordExportHandler('xlsx');

/** `GET /audit-trail/export.xlsx`: the filtered trail as the CSV has it, with typed cells. */
export async function auditTrailExportXlsxHandler(context: RequestContext): Promise<Response> {
  authorizeOrganization(context, 'exportAuditTrail');
  const query = parseQuery(auditTrailExportQuerySchema, queryObject(context.url));
  const { db } = context.kit.storage;
  const orgId = context.principal.orgId;
  const sheet = auditTrailSheet(db, orgId, query, await auditTrailHeadSeq(db, orgId));
  return streamSheet(context, sheet, 'xlsx', { what: 'audit-trail', filters: filtersOf(query) });
}
