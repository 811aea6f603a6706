export { type Kpis, kpiQuerySchema, kpisSchema } from './kpis';
export {
  CYCLE_FROM_CREATION,
  type ReportMetric,
  type ReportQuery,
  type ReportTimeBucket,
  reportGroupKeys,
  reportMetrics,
  reportOwnKeys,
  reportQuerySchema,
  reportTimeBuckets,
} from './reportQuery';
export { type ReportResult, type ReportRow, reportResultSchema, reportRowSchema } from './reportResult';
export {
  reportCharts,
  type SavedReport,
  type SavedReportChanges,
  type SavedReportInput,
  savedReportChangesSchema,
  savedReportInputSchema,
  savedReportSchema,
} from './savedReport';
