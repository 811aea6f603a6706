// biome-ignore-all assist/source/organizeImports: the barrel keeps the Types / Core split of STYLE.md
/** Types */
export type { AuditTrailClient, AuditTrailFilters } from './auditTrail/createAuditTrailClient';
export type { AuthClient } from './auth/createAuthClient';
export type { CapaTasksClient } from './capaTasks/createCapaTasksClient';
export type { OrganizationsClient } from './auth/createOrganizationsClient';
export type { UsersClient } from './auth/createUsersClient';
export type {
  ChangeReason,
  CreateOptions,
  PageQuery,
  RecordChanges,
  RecordCreateInput,
  RecordListQuery,
  RecordReadOptions,
  RequestOptions,
  RouteBody,
  RouteQuery,
  RouteResponse,
  SchemaInput,
  SchemaOutput,
  TransitionRequest,
  VersionedOptions,
} from './contractTypes';
export type { ClientOptions, MasetraClient } from './createClient';
export type { DocumentsClient } from './documents/createDocumentsClient';
export type { DownloadedFile } from './documents/downloadedFile';
/** Core's one page type, here too because every list call answers with it. */
export type { Page } from '@masetra/core';
export type { RetryPolicy, TokenSource } from './internal/transport';
export type { NotificationsClient } from './notifications/createNotificationsClient';
export type { TrainingClient } from './training/createTrainingClient';
export type { RecordClient } from './records/createRecordClient';
export type { ReportRunQuery, ReportsClient, SavedReportVersion } from './reports/createReportsClient';
export type { ExportsClient, RecordExportFormat, RecordExportQuery } from './reports/createExportsClient';
export type { WebhooksClient, WebhookVersion } from './webhooks/createWebhooksClient';
export type { ImportFile, ImportsClient } from './imports/createImportsClient';

/** Core */
export { createClient } from './createClient';
export { ClientValidationError, isClientValidationError } from './errors/ClientValidationError';
export { isNetworkError, NetworkError } from './errors/NetworkError';
export { isProblemError, ProblemError } from './errors/ProblemError';
export { isResponseValidationError, ResponseValidationError } from './errors/ResponseValidationError';
