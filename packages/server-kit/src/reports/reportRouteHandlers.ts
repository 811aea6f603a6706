import type { RouteKind } from '@masetra/core';
import type { RequestContext } from '../http/KitContext';
import { kpisHandler, reportHandler } from './reportHandlers';
import {
  createSavedReportHandler,
  deleteSavedReportHandler,
  getSavedReportHandler,
  listSavedReportsHandler,
  runSavedReportHandler,
  updateSavedReportHandler,
} from './savedReportHandlers';

/** The handlers of the reporting route kinds. */
export const reportHandlers = {
  report: reportHandler,
  reportKpis: kpisHandler,
  listSavedReports: listSavedReportsHandler,
  createSavedReport: createSavedReportHandler,
  getSavedReport: getSavedReportHandler,
  runSavedReport: runSavedReportHandler,
  updateSavedReport: updateSavedReportHandler,
  deleteSavedReport: deleteSavedReportHandler,
} satisfies Partial<Record<RouteKind, (context: RequestContext) => Promise<Response>>>;
