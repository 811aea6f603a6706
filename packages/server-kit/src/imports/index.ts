export { auditImport, IMPORT_TRAIL_TYPE, type ImportDescription } from './auditImport';
export { importJobHandler, recordImportHandler } from './importHandlers';
export {
  IMPORT_JOB_EVENT,
  IMPORT_STALE_AFTER_SECONDS,
  type RunImportOptions,
  resumeImportJobs,
  runImportJob,
} from './runImportJob';
