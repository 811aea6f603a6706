import type * as z from 'zod/mini';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route does, so a server can dispatch on it without re-reading paths. */
export type RouteKind =
  | 'list'
  | 'create'
  | 'get'
  | 'update'
  | 'transition'
  | 'recordAuditTrail'
  | 'signatures'
  | 'verifySignature'
  | 'listAttachments'
  | 'uploadAttachment'
  | 'downloadAttachment'
  | 'listComments'
  | 'createComment'
  | 'listLinks'
  | 'addLink'
  | 'removeLink'
  | 'trace'
  | 'myCapaTasks'
  | 'myTraining'
  | 'trainingMatrix'
  | 'acknowledgeTraining'
  | 'trainingKindSettings'
  | 'updateTrainingKindSetting'
  | 'auditTrail'
  | 'verifyAuditTrail'
  | 'auditTrailExport'
  | 'recordExportCsv'
  | 'recordExportXlsx'
  | 'auditTrailExportXlsx'
  | 'startExport'
  | 'exportJob'
  | 'exportJobFile'
  | 'recordImport'
  | 'importJob'
  | 'startAuditVerification'
  | 'auditVerification'
  | 'notifications'
  | 'readNotification'
  | 'outboxDeadLetters'
  | 'requeueOutboxDeadLetter'
  | 'openapi'
  | 'uploadDocumentContent'
  | 'downloadDocumentContent'
  | 'documentControlledCopy'
  | 'documentSignaturePage'
  | 'documentVersions'
  | 'reviseDocument'
  | 'documentKinds'
  | 'setDocumentKindPrefix'
  | 'report'
  | 'reportKpis'
  | 'listSavedReports'
  | 'createSavedReport'
  | 'getSavedReport'
  | 'runSavedReport'
  | 'updateSavedReport'
  | 'deleteSavedReport'
  | 'listWebhooks'
  | 'createWebhook'
  | 'updateWebhook'
  | 'deleteWebhook'
  | 'rotateWebhookSecret'
  | 'webhookDeliveries'
  | 'replayWebhookDelivery'
  | 'recordDossierPdf'
  | 'auditTrailPdf'
  | 'managementReviewPdf'
  | 'host';

/**
 * One route of the API contract. Server-kit routes and validates by it, the client types
 * and validates by it, and the OpenAPI document is generated from it.
 */
export interface RouteDefinition<
  TParams extends z.ZodMiniType = z.ZodMiniType,
  TQuery extends z.ZodMiniType = z.ZodMiniType,
  TBody extends z.ZodMiniType = z.ZodMiniType,
  TResponse extends z.ZodMiniType = z.ZodMiniType,
  TId extends string = string,
> {
  /** operationId, e.g. `deviations.transition`; a host mounts its own routes by it. */
  id: TId;
  kind: RouteKind;
  method: HttpMethod;
  /** OpenAPI-style path relative to the mount prefix, e.g. `/deviations/{id}/transitions`. */
  path: string;
  summary: string;
  tags: readonly string[];
  /** The record type the route serves, when it serves one. */
  recordType?: string;
  params?: TParams;
  query?: TQuery;
  /** A JSON body; `binary` routes stream their body instead. */
  body?: TBody;
  bodyKind?: 'json' | 'binary';
  /** The success body; `binary` responses stream a file. */
  response: TResponse;
  responseKind?: 'json' | 'binary' | 'text';
  /** 202: accepted as a background job, whose state the response describes. */
  successStatus: 200 | 201 | 202 | 204;
  /**
   * Answered without signing in: sign-in itself, token refresh, a password change that carries
   * its own credentials, the API description. Servers skip authentication on it, the client
   * sends no bearer token, and the OpenAPI document lists no security for it. Every other
   * route needs a signed-in caller (401 without one).
   */
  public?: true;
  /** `If-Match` required (428 without it, 412 when stale). */
  requiresIfMatch?: boolean;
  /** `Idempotency-Key` honoured: a retry returns the first response. */
  idempotent?: boolean;
  /** Error statuses the route may answer with problem+json. */
  problems: readonly number[];
}

export function defineRoute<
  TParams extends z.ZodMiniType,
  TQuery extends z.ZodMiniType,
  TBody extends z.ZodMiniType,
  TResponse extends z.ZodMiniType,
  TId extends string,
>(
  route: RouteDefinition<TParams, TQuery, TBody, TResponse, TId>,
): RouteDefinition<TParams, TQuery, TBody, TResponse, TId> {
  return route;
}
