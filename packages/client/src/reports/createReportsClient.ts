import { pdfKitRoutes, type RecordType, reportRoutes } from '@masetra/core';
import type { CreateOptions, RequestOptions, RouteBody, RouteQuery, RouteResponse } from '../contractTypes';
import { type DownloadedFile, downloadFile } from '../documents/downloadedFile';
import type { Transport } from '../internal/transport';
import { type RecordReportingRoutes, reportingRoutesOf } from './routesOf';

type Routes = typeof reportRoutes;

/** The query of a record type's report: the list's filters, `groupBy`, `metric`, `cycleFrom`, `cycleTo`. */
export type ReportRunQuery<T extends RecordType> = RouteQuery<RecordReportingRoutes<T>['report']> & {
  [K in 'state' | 'ownerId' | T['filterFields'][number]]?: string;
};

/** Options of a change to a saved report: the version it is based on, sent as `If-Match`. */
export interface SavedReportVersion extends RequestOptions {
  version: number;
}

/**
 * Reports computed by the server: a record type's metric per group, the organization's KPIs,
 * saved reports, and the management review pack.
 */
export interface ReportsClient {
  /** A metric (`count`, `overdue`, `cycleTime`, `openedClosed`) per group of the records the filters match. */
  run<T extends RecordType>(
    recordType: T,
    query?: ReportRunQuery<T>,
    options?: RequestOptions,
  ): Promise<RouteResponse<RecordReportingRoutes<T>['report']>>;
  /** The built-in KPIs for a period (the last 12 months when left out). */
  kpis(query?: RouteQuery<Routes['kpis']>, options?: RequestOptions): Promise<RouteResponse<Routes['kpis']>>;
  /** The saved reports the caller may see: their own and those shared with one of their roles. */
  listSaved(options?: RequestOptions): Promise<RouteResponse<Routes['listSavedReports']>>;
  getSaved(id: string, options?: RequestOptions): Promise<RouteResponse<Routes['getSavedReport']>>;
  createSaved(
    input: RouteBody<Routes['createSavedReport']>,
    options?: CreateOptions,
  ): Promise<RouteResponse<Routes['createSavedReport']>>;
  updateSaved(
    id: string,
    changes: RouteBody<Routes['updateSavedReport']>,
    options: SavedReportVersion,
  ): Promise<RouteResponse<Routes['updateSavedReport']>>;
  /** Deletes a saved report; answers what was deleted. */
  deleteSaved(id: string, options: SavedReportVersion): Promise<RouteResponse<Routes['deleteSavedReport']>>;
  /** Runs a saved report now. */
  runSaved(id: string, options?: RequestOptions): Promise<RouteResponse<Routes['runSavedReport']>>;
  /** The management review pack for a period (as `kpis` takes it: `from` inclusive, `to` exclusive): the KPIs and their charts as one PDF. */
  managementReviewPdf(
    period: RouteQuery<typeof pdfKitRoutes.managementReviewPdf>,
    options?: RequestOptions,
  ): Promise<DownloadedFile>;
}

export function createReportsClient(send: Transport): ReportsClient {
  const routes = reportRoutes;
  return {
    run: async (recordType, query, options) =>
      (await send(reportingRoutesOf(recordType).report, { ...options, query })).data,
    kpis: async (query, options) => (await send(routes.kpis, { ...options, query })).data,
    listSaved: async (options) => (await send(routes.listSavedReports, { ...options })).data,
    getSaved: async (id, options) => (await send(routes.getSavedReport, { ...options, params: { id } })).data,
    createSaved: async (input, options) =>
      (await send(routes.createSavedReport, { ...options, body: input })).data,
    updateSaved: async (id, changes, { version, ...options }) =>
      (await send(routes.updateSavedReport, { ...options, params: { id }, body: changes, ifMatch: version }))
        .data,
    deleteSaved: async (id, { version, ...options }) =>
      (await send(routes.deleteSavedReport, { ...options, params: { id }, ifMatch: version })).data,
    runSaved: async (id, options) => (await send(routes.runSavedReport, { ...options, params: { id } })).data,
    managementReviewPdf: (period, options) =>
      downloadFile(send, pdfKitRoutes.managementReviewPdf, { ...options, query: period }),
  };
}
