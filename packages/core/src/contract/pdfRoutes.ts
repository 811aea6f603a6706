import * as z from 'zod/mini';
import type { RecordType } from '../record-type/defineRecordType';
import type { RecordTypeRegistry } from '../registry/createRegistry';
import { kpiQuerySchema } from '../reporting/kpis';
import { defineRoute, type RouteDefinition } from './defineRoute';
import { auditTrailExportQuerySchema } from './exportRoutes';

/** PDF exports the kit serves besides the record collections': the audit trail and the management review pack. */
export const pdfKitRoutes = {
  auditTrailPdf: defineRoute({
    id: 'auditTrail.exportPdf',
    kind: 'auditTrailPdf',
    method: 'GET',
    path: '/audit-trail/export.pdf',
    summary:
      'The filtered audit trail as a printable PDF (21 CFR 11.10(b), Annex 11 §8.1), with the filters of the CSV and XLSX exports, as it stood when asked',
    tags: ['audit-trail'],
    query: auditTrailExportQuerySchema,
    response: z.unknown(),
    responseKind: 'binary',
    successStatus: 200,
    problems: [400, 401, 403],
  }),
  managementReviewPdf: defineRoute({
    id: 'reports.managementReviewPdf',
    kind: 'managementReviewPdf',
    method: 'GET',
    path: '/reports/management-review.pdf',
    summary:
      "The management review pack: the organization's KPIs and their charts for a period (as `/reports/kpis` takes it), as one PDF",
    tags: ['reports'],
    query: kpiQuerySchema,
    response: z.unknown(),
    responseKind: 'binary',
    successStatus: 200,
    problems: [400, 401, 403],
  }),
};

/**
 * `GET /{collection}/{id}/export.pdf`: the record dossier, every field, signatures, trail,
 * attachments and links, stamped on every page so the copy can be checked against the system.
 */
export function recordPdfRoutes<T extends RecordType>(recordType: T) {
  return {
    exportPdf: defineRoute({
      id: `${recordType.collection}.exportPdf`,
      kind: 'recordDossierPdf',
      method: 'GET',
      path: `/${recordType.collection}/{id}/export.pdf`,
      summary: `The ${recordType.name} as a PDF dossier: fields, signatures, audit trail, attachments and links`,
      tags: [recordType.collection],
      recordType: recordType.name,
      params: z.strictObject({ id: z.uuid() }),
      response: z.unknown(),
      responseKind: 'binary',
      successStatus: 200,
      problems: [401, 403, 404],
    }),
  };
}

/** Every PDF export route for one registry. */
export function pdfRoutes(registry: RecordTypeRegistry): RouteDefinition[] {
  return [
    ...Object.values(pdfKitRoutes),
    ...registry.list.map((recordType) => recordPdfRoutes(recordType).exportPdf as RouteDefinition),
  ];
}
