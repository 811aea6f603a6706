export { auditExport, EXPORT_TRAIL_TYPE, type ExportDescription } from './auditExport';
export {
  auditTrailExportXlsxHandler,
  recordExportCsvHandler,
  recordExportXlsxHandler,
} from './exportHandlers';
export { exportJobFileHandler, exportJobHandler, startExportHandler } from './exportJobHandlers';
export { purgeExpiredExports } from './purgeExpiredExports';
export {
  DEFAULT_EXPORT_RETENTION_DAYS,
  EXPORT_JOB_EVENT,
  EXPORT_STALE_AFTER_SECONDS,
  resumeExportJobs,
  runExportJob,
} from './runExportJob';
