import type { RouteKind } from '@masetra/core';
import type { RequestContext } from '../http/KitContext';
import { auditTrailPdfHandler } from './auditTrailPdfHandler';
import { managementReviewPdfHandler } from './managementReviewPdfHandler';
import { recordDossierPdfHandler } from './recordDossierPdfHandler';

/** The handler of each PDF export route kind. */
export const pdfHandlers: Partial<Record<RouteKind, (context: RequestContext) => Promise<Response>>> = {
  recordDossierPdf: recordDossierPdfHandler,
  auditTrailPdf: auditTrailPdfHandler,
  managementReviewPdf: managementReviewPdfHandler,
};
