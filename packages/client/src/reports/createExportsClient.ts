import { type auditTrailExportQuerySchema, exportRoutes, pdfKitRoutes, type RecordType } from '@masetra/core';
import type {
  CreateOptions,
  RequestOptions,
  RouteBody,
  RouteQuery,
  RouteResponse,
  SchemaOutput,
} from '../contractTypes';
import { type DownloadedFile, downloadFile, fileNameOf } from '../documents/downloadedFile';
import type { Transport } from '../internal/transport';
import { type RecordReportingRoutes, reportingRoutesOf } from './routesOf';

type Routes = typeof exportRoutes;

/** The query of a record list's export: the list's filters, `q`, `sort`, time range, and `columns` (comma-separated). */
export type RecordExportQuery<T extends RecordType> = RouteQuery<
  RecordReportingRoutes<T>['exports']['exportCsv']
> & {
  [K in 'state' | 'ownerId' | T['filterFields'][number]]?: string;
};

/** Formats a record list downloads in. */
export type RecordExportFormat = 'csv' | 'xlsx';

/**
 * Files of the data: a record list as CSV or Excel (directly, or as a background job for large
 * lists), a record's PDF dossier, and the audit trail as Excel or PDF.
 */
export interface ExportsClient {
  /** The filtered list of a record type as a file, streamed by the server. */
  records<T extends RecordType>(
    recordType: T,
    format: RecordExportFormat,
    query?: RecordExportQuery<T>,
    options?: RequestOptions,
  ): Promise<DownloadedFile>;
  /** Starts an export as a background job (202); follow it with `job(id)`, then download `file(id)`. */
  start(
    input: RouteBody<Routes['startExport']>,
    options?: CreateOptions,
  ): Promise<RouteResponse<Routes['startExport']>>;
  /** An export job's state and progress: `rowsDone` of `rowsTotal`. */
  job(id: string, options?: RequestOptions): Promise<RouteResponse<Routes['exportJob']>>;
  /** A finished job's file (409 while it runs, 410 once expired). */
  file(id: string, options?: RequestOptions): Promise<DownloadedFile>;
  /** A record as a PDF dossier: fields, signatures, audit trail, attachments, links. */
  recordPdf<T extends RecordType>(
    recordType: T,
    id: string,
    options?: RequestOptions,
  ): Promise<DownloadedFile>;
  /** The filtered audit trail as an Excel workbook. */
  auditTrailXlsx(
    filters?: SchemaOutput<typeof auditTrailExportQuerySchema>,
    options?: RequestOptions,
  ): Promise<DownloadedFile>;
  /** The filtered audit trail as a printable PDF. */
  auditTrailPdf(
    filters?: RouteQuery<typeof pdfKitRoutes.auditTrailPdf>,
    options?: RequestOptions,
  ): Promise<DownloadedFile>;
}

export function createExportsClient(send: Transport): ExportsClient {
  return {
    records: async (recordType, format, query, options) => {
      const routes = reportingRoutesOf(recordType).exports;
      if (format === 'xlsx') return downloadFile(send, routes.exportXlsx, { ...options, query });
      // The CSV route answers text: handed on as a file like the others.
      const { data, response } = await send(routes.exportCsv, { ...options, query });
      return {
        blob: new Blob([data], { type: response.headers.get('content-type') ?? 'text/csv' }),
        fileName: fileNameOf(response.headers.get('content-disposition')),
      };
    },
    start: async (input, options) => (await send(exportRoutes.startExport, { ...options, body: input })).data,
    job: async (id, options) => (await send(exportRoutes.exportJob, { ...options, params: { id } })).data,
    file: (id, options) => downloadFile(send, exportRoutes.exportJobFile, { ...options, params: { id } }),
    recordPdf: (recordType, id, options) =>
      downloadFile(send, reportingRoutesOf(recordType).pdf.exportPdf, { ...options, params: { id } }),
    auditTrailXlsx: (filters, options) =>
      downloadFile(send, exportRoutes.auditTrailExportXlsx, { ...options, query: filters }),
    auditTrailPdf: (filters, options) =>
      downloadFile(send, pdfKitRoutes.auditTrailPdf, { ...options, query: filters }),
  };
}
