import * as z from 'zod/mini';
import { exportColumnsParam, exportJobInputSchema, exportJobSchema } from '../exports/exportJob';
import type { RecordType } from '../record-type/defineRecordType';
import { defineRoute } from './defineRoute';
import { auditTrailQuerySchema } from './kitRoutes';
import { listQuerySchema } from './listQuery';

/**
 * The query of a record list's export: the list's own query (filters, `q`, `sort`, time range)
 * without paging, since an export holds the whole list, plus `columns`.
 */
export function recordExportQuerySchema(recordType: Pick<RecordType, 'sortFields' | 'filterFields'>) {
  return z.extend(z.omit(listQuerySchema(recordType), { limit: true, cursor: true }), {
    columns: z.optional(exportColumnsParam),
  });
}

/** The audit trail's filters without paging: what its exports select by. */
export const auditTrailExportQuerySchema = z.omit(auditTrailQuerySchema, { limit: true, cursor: true });

/**
 * The routes that download one record type's list as a file. Served before `/{collection}/{id}`,
 * whose id is a UUID, so `export.csv` is never read as an id.
 */
export function recordExportRoutes<T extends RecordType>(recordType: T) {
  const base = `/${recordType.collection}`;
  const common = { recordType: recordType.name, tags: [recordType.collection] } as const;
  return {
    exportCsv: defineRoute({
      ...common,
      id: `${recordType.collection}.exportCsv`,
      kind: 'recordExportCsv',
      method: 'GET',
      path: `${base}/export.csv`,
      summary: `The filtered list of ${recordType.collection} as CSV, streamed`,
      query: recordExportQuerySchema(recordType),
      response: z.string(),
      responseKind: 'text',
      successStatus: 200,
      problems: [400, 401, 403, 422],
    }),
    exportXlsx: defineRoute({
      ...common,
      id: `${recordType.collection}.exportXlsx`,
      kind: 'recordExportXlsx',
      method: 'GET',
      path: `${base}/export.xlsx`,
      summary: `The filtered list of ${recordType.collection} as an Excel workbook, streamed`,
      query: recordExportQuerySchema(recordType),
      response: z.unknown(),
      responseKind: 'binary',
      successStatus: 200,
      problems: [400, 401, 403, 422],
    }),
  };
}

const exportJobParams = z.strictObject({ id: z.uuid() });

/** Export jobs, and the audit trail's workbook: exports that are not one collection's. */
export const exportRoutes = {
  auditTrailExportXlsx: defineRoute({
    id: 'auditTrail.exportXlsx',
    kind: 'auditTrailExportXlsx',
    method: 'GET',
    path: '/audit-trail/export.xlsx',
    summary: 'The filtered audit trail as an Excel workbook, streamed',
    tags: ['audit-trail'],
    query: auditTrailExportQuerySchema,
    response: z.unknown(),
    responseKind: 'binary',
    successStatus: 200,
    problems: [400, 401, 403],
  }),
  startExport: defineRoute({
    id: 'exports.start',
    kind: 'startExport',
    method: 'POST',
    path: '/exports',
    summary: 'Start an export as a background job; answers 202 with the job',
    tags: ['exports'],
    body: exportJobInputSchema,
    response: exportJobSchema,
    successStatus: 202,
    idempotent: true,
    problems: [400, 401, 403, 413, 415, 422],
  }),
  exportJob: defineRoute({
    id: 'exports.get',
    kind: 'exportJob',
    method: 'GET',
    path: '/exports/{id}',
    summary: 'An export job: its state and progress (rows done of total)',
    tags: ['exports'],
    params: exportJobParams,
    response: exportJobSchema,
    successStatus: 200,
    problems: [401, 404],
  }),
  exportJobFile: defineRoute({
    id: 'exports.file',
    kind: 'exportJobFile',
    method: 'GET',
    path: '/exports/{id}/file',
    summary: "An export job's file: 409 while it runs, 410 once it has expired",
    tags: ['exports'],
    params: exportJobParams,
    response: z.unknown(),
    responseKind: 'binary',
    successStatus: 200,
    problems: [401, 404, 409, 410],
  }),
};
