import type { RouteKind } from '@masetra/core';
import { myCapaTasksHandler } from '../../capa-tasks/myCapaTasksHandler';
import { documentHandlers } from '../../documents/documentHandlers';
import {
  auditTrailExportXlsxHandler,
  exportJobFileHandler,
  exportJobHandler,
  recordExportCsvHandler,
  recordExportXlsxHandler,
  startExportHandler,
} from '../../exports';
import { importJobHandler, recordImportHandler } from '../../imports';
import { outboxDeadLettersHandler, requeueOutboxDeadLetterHandler } from '../../outbox/deadLetterHandlers';
import { pdfHandlers } from '../../pdf/pdfHandlers';
import { reportHandlers } from '../../reports/reportRouteHandlers';
import { traceHandler } from '../../trace/traceHandler';
import {
  acknowledgeTrainingHandler,
  myTrainingHandler,
  trainingKindSettingsHandler,
  trainingMatrixHandler,
  updateTrainingKindSettingHandler,
} from '../../training/trainingHandlers';
import { webhookHandlers } from '../../webhooks/webhookRouteHandlers';
import type { RequestContext } from '../KitContext';
import { downloadAttachmentHandler, listAttachmentsHandler, uploadAttachmentHandler } from './attachments';
import { auditTrailHandler, verifyAuditTrailHandler } from './auditTrail';
import { auditTrailExportHandler } from './auditTrailExport';
import { auditVerificationHandler, startAuditVerificationHandler } from './auditVerifications';
import { createCommentHandler, listCommentsHandler } from './comments';
import { addLinkHandler, listLinksHandler, removeLinkHandler } from './links';
import { notificationsHandler, readNotificationHandler } from './notifications';
import {
  getRecordHandler,
  listRecordsHandler,
  recordAuditTrailHandler,
  signaturesHandler,
} from './recordReads';
import { createRecordHandler, transitionHandler, updateRecordHandler } from './recordWrites';
import { verifySignatureHandler } from './signatureVerification';

export type Handler = (context: RequestContext) => Promise<Response>;

/** The handler of each signed-in route kind of the contract; public routes are answered before authentication. */
export const handlers: Partial<Record<RouteKind, Handler>> = {
  list: listRecordsHandler,
  create: createRecordHandler,
  get: getRecordHandler,
  update: updateRecordHandler,
  transition: transitionHandler,
  recordAuditTrail: recordAuditTrailHandler,
  signatures: signaturesHandler,
  verifySignature: verifySignatureHandler,
  listAttachments: listAttachmentsHandler,
  uploadAttachment: uploadAttachmentHandler,
  downloadAttachment: downloadAttachmentHandler,
  listComments: listCommentsHandler,
  createComment: createCommentHandler,
  listLinks: listLinksHandler,
  addLink: addLinkHandler,
  removeLink: removeLinkHandler,
  trace: traceHandler,
  myCapaTasks: myCapaTasksHandler,
  myTraining: myTrainingHandler,
  trainingMatrix: trainingMatrixHandler,
  acknowledgeTraining: acknowledgeTrainingHandler,
  trainingKindSettings: trainingKindSettingsHandler,
  updateTrainingKindSetting: updateTrainingKindSettingHandler,
  auditTrail: auditTrailHandler,
  auditTrailExport: auditTrailExportHandler,
  auditTrailExportXlsx: auditTrailExportXlsxHandler,
  recordExportCsv: recordExportCsvHandler,
  recordExportXlsx: recordExportXlsxHandler,
  startExport: startExportHandler,
  exportJob: exportJobHandler,
  exportJobFile: exportJobFileHandler,
  recordImport: recordImportHandler,
  importJob: importJobHandler,
  verifyAuditTrail: verifyAuditTrailHandler,
  startAuditVerification: startAuditVerificationHandler,
  auditVerification: auditVerificationHandler,
  notifications: notificationsHandler,
  readNotification: readNotificationHandler,
  outboxDeadLetters: outboxDeadLettersHandler,
  requeueOutboxDeadLetter: requeueOutboxDeadLetterHandler,
  ...documentHandlers,
  ...pdfHandlers,
  ...reportHandlers,
  ...webhookHandlers,
};
