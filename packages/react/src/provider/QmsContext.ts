import type {
  AuditTrailClient,
  CapaTasksClient,
  DocumentsClient,
  ExportsClient,
  ImportsClient,
  NotificationsClient,
  RecordClient,
  ReportsClient,
  TrainingClient,
  WebhooksClient,
} from '@masetra/client';
import type { RecordType, RecordTypeRegistry } from '@masetra/core';
import { createContext } from 'react';
import type { RecordViews } from '../detail/recordView';
import type { Formatters } from '../i18n/format';
import type { Labels } from '../i18n/labels';
import type { Translator } from '../i18n/messages';

/**
 * Who uses the screens: the user id the lifecycle compares with a record's owner, the roles
 * `can` checks, and what the signature dialog shows and pre-fills.
 */
export interface QmsPrincipal {
  userId: string;
  /** The printed name a signature manifestation shows. */
  displayName: string;
  roles: readonly string[];
  /** The user-name component of a signature, pre-filled on a session's first signing. */
  email?: string;
  /** Whether signing asks for a one-time code as well. */
  mfaEnrolled?: boolean;
  /** Set for a single sign-on user: they re-authenticate at their identity provider to sign, not with a password. */
  reauthentication?: SignerReauthentication;
}

/**
 * How a single sign-on user re-authenticates for a signature (21 CFR 11.200): at their identity
 * provider, which asks for their credentials again (`prompt=login`, `max_age=0`).
 */
export interface SignerReauthentication {
  /** The identity provider's name, as the dialog's button shows it: "Re-authenticate with {provider}". */
  providerName: string;
  /**
   * Takes the signer to the provider (a pop-up, opened at once: call it from the click) and
   * resolves with the single-use proof the server gave for the fresh login, which the dialog
   * sends in place of the password. Rejects when the re-authentication did not complete.
   */
  reauthenticate(): Promise<string>;
}

/** What the components need of a `MasetraClient`; any client from `createClient` is one. */
export interface QmsClient {
  records<T extends RecordType>(recordType: T): RecordClient<T>;
  readonly auditTrail: AuditTrailClient;
  /** Document control: a version's content file, controlled copies, versions and revisions. */
  readonly documents: DocumentsClient;
  readonly notifications: NotificationsClient;
  /** CAPA tasks across CAPAs: the signed-in user's own. */
  readonly capaTasks: CapaTasksClient;
  /** Training on controlled documents: my training, the matrix, acknowledgements. */
  readonly training: TrainingClient;
  /** Reports computed by the server: a metric per group, the KPIs, saved reports, the management review PDF. */
  readonly reports: ReportsClient;
  /** Files of the data: record lists as CSV or Excel (or export jobs), a record's PDF dossier. */
  readonly exports: ExportsClient;
  /** Outbound webhooks (administrators): endpoints, delivery logs, replays. */
  readonly webhooks: WebhooksClient;
  /** Records from a CSV or Excel file: a dry run's problems, then an import job. */
  readonly imports: ImportsClient;
}

/** Everything a component reads from the provider, through `useQms()`. */
export interface QmsContextValue {
  client: QmsClient;
  registry: RecordTypeRegistry;
  principal: QmsPrincipal | undefined;
  locale: string;
  t: Translator;
  labels: Labels;
  format: Formatters;
  /** The `data-masetra-theme` of the provider's root, repeated on portalled content. */
  themeName: string | undefined;
  /** CSS custom properties the provider sets on its root, repeated on portalled content. */
  themeVariables: Readonly<Record<string, string>> | undefined;
  /** Where dialogs portal to; `document.body` when undefined. */
  portalContainer: HTMLElement | null | undefined;
  /** Components render no `masetra-*` class names, only the host's. */
  unstyled: boolean;
  /** The host's record views, merged over the built-in ones where a record's page is drawn. */
  views: RecordViews;
  /** A person's display name for a user id, as the host knows it; the id itself otherwise. */
  userName(userId: string): string;
  /** Whether the next signature is this session's first, which needs the user name too (21 CFR 11.200(a)(1)). */
  signing: { firstOfSession: boolean; markSigned(): void };
}

export const QmsContext = createContext<QmsContextValue | null>(null);
