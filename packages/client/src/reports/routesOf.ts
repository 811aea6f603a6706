// A record type's report, export and PDF routes, built once per type: each builds zod schemas.
import { type RecordType, recordExportRoutes, recordPdfRoutes, recordReportRoute } from '@masetra/core';

export interface RecordReportingRoutes<T extends RecordType> {
  report: ReturnType<typeof recordReportRoute<T>>;
  exports: ReturnType<typeof recordExportRoutes<T>>;
  pdf: ReturnType<typeof recordPdfRoutes<T>>;
}

const built = new WeakMap<RecordType, RecordReportingRoutes<RecordType>>();

export function reportingRoutesOf<T extends RecordType>(recordType: T): RecordReportingRoutes<T> {
  let routes = built.get(recordType);
  if (!routes) {
    routes = {
      report: recordReportRoute(recordType),
      exports: recordExportRoutes(recordType),
      pdf: recordPdfRoutes(recordType),
    };
    built.set(recordType, routes);
  }
  return routes as unknown as RecordReportingRoutes<T>;
}
