import { builtInRegistry, type RecordType, type RecordTypeRegistry, type recordTypes } from '@masetra/core';
import { type AuditTrailClient, createAuditTrailClient } from './auditTrail/createAuditTrailClient';
import { type AuthClient, createAuthClient } from './auth/createAuthClient';
import { createOrganizationsClient, type OrganizationsClient } from './auth/createOrganizationsClient';
import { createUsersClient, type UsersClient } from './auth/createUsersClient';
import { type CapaTasksClient, createCapaTasksClient } from './capaTasks/createCapaTasksClient';
import { createDocumentsClient, type DocumentsClient } from './documents/createDocumentsClient';
import { createImportsClient, type ImportsClient } from './imports/createImportsClient';
import { createTransport, type RetryPolicy, type TokenSource } from './internal/transport';
import { createVersionMemory } from './internal/versionMemory';
import {
  createNotificationsClient,
  type NotificationsClient,
} from './notifications/createNotificationsClient';
import { createRecordClient, type RecordClient } from './records/createRecordClient';
import { createExportsClient, type ExportsClient } from './reports/createExportsClient';
import { createReportsClient, type ReportsClient } from './reports/createReportsClient';
import { createTrainingClient, type TrainingClient } from './training/createTrainingClient';
import { createWebhooksClient, type WebhooksClient } from './webhooks/createWebhooksClient';

export interface ClientOptions<TTypes extends Record<string, RecordType> = typeof recordTypes> {
  /** Where the API is mounted, e.g. `https://qms.example.com/api/v1` or `/qms` in a browser. */
  baseUrl: string;
  /**
   * The bearer token of each request, asked for once per call (its retries reuse it); may be
   * async. Not sent on the contract's public routes (`auth.login`, `auth.refresh`,
   * `auth.changePassword`, `auth.setUpAccount`: they carry their own credentials; `auth.forgotPassword`).
   */
  getToken?: TokenSource;
  /** A fetch to use instead of the global one (SSR frameworks, instrumentation, tests). */
  fetch?: typeof globalThis.fetch;
  /** The record types `records(name)` knows; the built-ins by default. */
  registry?: RecordTypeRegistry<TTypes>;
  /**
   * Retries of network failures and 502/503/504, with exponential backoff: a number is the
   * limit (default 2, `0` for none). Only requests that cannot act twice are retried: reads,
   * writes with an honoured `Idempotency-Key`, and writes guarded by `If-Match`.
   */
  retry?: number | RetryPolicy;
  /** Names the calling system in each audit-trail entry, sent as `X-Masetra-Source`. */
  source?: string;
  /** Per-attempt timeout of a JSON call in ms (default 30 000); file transfers have none. */
  timeout?: number | false;
}

/** A typed client of the Masetra QMS API. */
export interface MasetraClient<TTypes extends Record<string, RecordType> = typeof recordTypes> {
  /** The API of one record type, by its name in the registry or by the record type itself. */
  records<TName extends keyof TTypes & string>(name: TName): RecordClient<TTypes[TName]>;
  records<T extends RecordType>(recordType: T): RecordClient<T>;
  readonly auditTrail: AuditTrailClient;
  /** Document control: content files, controlled copies, versions, revisions, kinds' number prefixes. */
  readonly documents: DocumentsClient;
  readonly notifications: NotificationsClient;
  /** Training on controlled documents: my training, the matrix, acknowledgements, kind settings. */
  readonly training: TrainingClient;
  /** CAPA tasks across CAPAs: the signed-in user's own. */
  readonly capaTasks: CapaTasksClient;
  /** Reports computed by the server: a metric per group, KPIs, saved reports, the management review PDF. */
  readonly reports: ReportsClient;
  /** Files of the data: record lists as CSV or Excel (or export jobs), record PDF dossiers, the audit trail. */
  readonly exports: ExportsClient;
  /** Outbound webhooks (administrators): endpoints, secrets shown once, delivery logs, replays. */
  readonly webhooks: WebhooksClient;
  /** Records from a CSV or XLSX file: a dry run's problems by row and column, then an import job. */
  readonly imports: ImportsClient;
  readonly auth: AuthClient;
  readonly users: UsersClient;
  readonly organizations: OrganizationsClient;
  /** The version this client last read of a record, which its next change sends as `If-Match`. */
  lastReadVersion(id: string): number | undefined;
}

/**
 * Creates a typed client of the Masetra API. Every request and response is validated by the
 * contract in `@masetra/core`; failures are typed errors (`ProblemError`, `NetworkError`, ...).
 *
 * @example
 * import { createClient, isProblemError } from '@masetra/client';
 * import { recordTypes } from '@masetra/core';
 *
 * const qms = createClient({ baseUrl: 'https://qms.example.com/api/v1', getToken: () => session.accessToken, source: 'lims' });
 * const deviations = qms.records(recordTypes.deviation); // or qms.records('deviation')
 * const deviation = await deviations.create({ title: 'Out-of-spec assay, batch 24-117', severity: 'major' });
 * try {
 *   await deviations.transition(deviation.id, { event: 'SUBMIT' });
 * } catch (error) {
 *   if (isProblemError(error)) console.log(error.code, error.errors); // e.g. [{ pointer: '/area', detail: 'Required.' }]
 * }
 */
export function createClient<TTypes extends Record<string, RecordType> = typeof recordTypes>(
  options: ClientOptions<TTypes>,
): MasetraClient<TTypes> {
  const send = createTransport(options);
  const versions = createVersionMemory();
  const registry = (options.registry ?? builtInRegistry) as RecordTypeRegistry;
  // Built once per record type: a screen may ask for `records('deviation')` on every render.
  const recordClients = new Map<RecordType, RecordClient<RecordType>>();

  const records = (nameOrType: string | RecordType): RecordClient<RecordType> => {
    const recordType = typeof nameOrType === 'string' ? registry.byName(nameOrType) : nameOrType;
    if (!recordType) throw new TypeError(`No record type named ${String(nameOrType)} in the registry`);
    let client = recordClients.get(recordType);
    if (!client) {
      client = createRecordClient(recordType, send, versions);
      recordClients.set(recordType, client);
    }
    return client;
  };

  return {
    records: records as MasetraClient<TTypes>['records'],
    auditTrail: createAuditTrailClient(send),
    documents: createDocumentsClient(send, versions),
    notifications: createNotificationsClient(send),
    training: createTrainingClient(send),
    capaTasks: createCapaTasksClient(send),
    reports: createReportsClient(send),
    exports: createExportsClient(send),
    webhooks: createWebhooksClient(send),
    imports: createImportsClient(send),
    auth: createAuthClient(send),
    users: createUsersClient(send),
    organizations: createOrganizationsClient(send),
    lastReadVersion: versions.get,
  };
}
