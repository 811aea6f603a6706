import * as z from 'zod/mini';
import type { RecordType } from '../record-type/defineRecordType';
import { kpiQuerySchema, kpisSchema } from '../reporting/kpis';
import { reportQuerySchema } from '../reporting/reportQuery';
import { reportResultSchema } from '../reporting/reportResult';
import {
  savedReportChangesSchema,
  savedReportInputSchema,
  savedReportSchema,
} from '../reporting/savedReport';
import { defineRoute } from './defineRoute';

const idParams = z.strictObject({ id: z.uuid() });

/** The report of one record type's collection: counts, overdue, cycle times, opened vs closed, computed by the database. */
export function recordReportRoute<T extends RecordType>(recordType: T) {
  return defineRoute({
    id: `${recordType.collection}.report`,
    kind: 'report',
    method: 'GET',
    path: `/reports/${recordType.collection}`,
    summary: `Report on ${recordType.collection}: a metric per group, over the list's filters`,
    tags: ['reports'],
    recordType: recordType.name,
    query: reportQuerySchema(recordType),
    response: reportResultSchema,
    successStatus: 200,
    problems: [400, 401, 403],
  });
}

/** The kit's reporting routes besides each collection's report: KPIs and saved reports. */
export const reportRoutes = {
  kpis: defineRoute({
    id: 'reports.kpis',
    kind: 'reportKpis',
    method: 'GET',
    path: '/reports/kpis',
    summary: 'The built-in KPIs of the organization for a period (the last 12 months when left out)',
    tags: ['reports'],
    query: kpiQuerySchema,
    response: kpisSchema,
    successStatus: 200,
    problems: [400, 401, 403],
  }),
  listSavedReports: defineRoute({
    id: 'savedReports.list',
    kind: 'listSavedReports',
    method: 'GET',
    path: '/saved-reports',
    summary: "Saved reports the caller may see: their own and those shared with one of the caller's roles",
    tags: ['reports'],
    response: z.object({ items: z.array(savedReportSchema) }),
    successStatus: 200,
    problems: [401, 403],
  }),
  createSavedReport: defineRoute({
    id: 'savedReports.create',
    kind: 'createSavedReport',
    method: 'POST',
    path: '/saved-reports',
    summary:
      'Save a report: record type, filters, grouping, metric, columns, chart and the roles it is shared with (audited)',
    tags: ['reports'],
    body: savedReportInputSchema,
    response: savedReportSchema,
    successStatus: 201,
    idempotent: true,
    problems: [400, 401, 403, 409, 413, 415, 422],
  }),
  getSavedReport: defineRoute({
    id: 'savedReports.get',
    kind: 'getSavedReport',
    method: 'GET',
    path: '/saved-reports/{id}',
    summary: 'One saved report (ETag: its version)',
    tags: ['reports'],
    params: idParams,
    response: savedReportSchema,
    successStatus: 200,
    problems: [400, 401, 403, 404],
  }),
  runSavedReport: defineRoute({
    id: 'savedReports.run',
    kind: 'runSavedReport',
    method: 'GET',
    path: '/saved-reports/{id}/result',
    summary: 'Run a saved report now',
    tags: ['reports'],
    params: idParams,
    response: reportResultSchema,
    successStatus: 200,
    problems: [400, 401, 403, 404],
  }),
  updateSavedReport: defineRoute({
    id: 'savedReports.update',
    kind: 'updateSavedReport',
    method: 'PATCH',
    path: '/saved-reports/{id}',
    summary: 'Change a saved report (its creator or an administrator; If-Match; audited)',
    tags: ['reports'],
    params: idParams,
    body: savedReportChangesSchema,
    response: savedReportSchema,
    successStatus: 200,
    requiresIfMatch: true,
    problems: [400, 401, 403, 404, 412, 413, 415, 422, 428],
  }),
  deleteSavedReport: defineRoute({
    id: 'savedReports.delete',
    kind: 'deleteSavedReport',
    method: 'DELETE',
    path: '/saved-reports/{id}',
    summary:
      'Delete a saved report (its creator or an administrator; If-Match; audited); answers what was deleted',
    tags: ['reports'],
    params: idParams,
    response: savedReportSchema,
    successStatus: 200,
    requiresIfMatch: true,
    problems: [400, 401, 403, 404, 412, 428],
  }),
};
