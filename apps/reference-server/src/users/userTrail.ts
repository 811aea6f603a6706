/**
 * Access-rights changes in the organization's audit trail (PART11 23): the same hash-chained
 * trail as the records', with the user as the subject, so one verify covers both.
 */
import type { User } from '@masetra/core';
import { type AuditEntryInput, appendAuditEntry, type Database } from '@masetra/server-kit';
import type { Kysely, Transaction } from 'kysely';
import type { AuthDatabase } from '../auth';

/** Who made a change: a signed-in administrator, or the command line. */
export interface TrailActor {
  userId: string;
  displayName: string;
}

/** The operator at the server's command line (`masetra create-org`): no user of any organization. */
export const commandLineActor: TrailActor = { userId: 'system', displayName: 'Masetra command line' };

/** The audit trail's record type for entries about a user. */
export const USER_SUBJECT = 'user';

export type UserTrailAction =
  | 'create'
  | 'update'
  | 'password_reset'
  | 'authenticator_reset'
  | 'setup_link_issued'
  | 'account_setup';

export interface UserTrailEntry {
  actor: TrailActor;
  /** Whom the change is about. */
  subject: Pick<User, 'id' | 'orgId' | 'email'>;
  action: UserTrailAction;
  changes: AuditEntryInput['changes'];
  reason?: string | null;
  source: AuditEntryInput['source'];
  at: Date;
}

/**
 * Appends the entry inside `trx`, the transaction of the change it describes. The auth
 * module's transactions are typed for its own tables; the database is the same one.
 */
export async function appendUserTrailEntry(
  trx: Kysely<Database> | Transaction<AuthDatabase>,
  entry: UserTrailEntry,
): Promise<void> {
  await appendAuditEntry(trx as unknown as Transaction<Database>, {
    orgId: entry.subject.orgId,
    at: entry.at,
    actorId: entry.actor.userId,
    actorName: entry.actor.displayName,
    action: entry.action,
    recordType: USER_SUBJECT,
    recordId: entry.subject.id,
    // The e-mail is the user id a person reads (21 CFR 11.300), as a record's number is.
    recordNumber: entry.subject.email,
    changes: entry.changes,
    reason: entry.reason ?? null,
    source: entry.source,
  });
}

/** Where an administrator's change came from, as the server kit records it for records: client and user agent. */
export function requestSource(request: { get(name: string): string | undefined }): AuditEntryInput['source'] {
  const client = request.get('x-masetra-source');
  const userAgent = request.get('user-agent');
  if (!client && !userAgent) return null;
  return { client: client?.slice(0, 200) ?? null, userAgent: userAgent?.slice(0, 300) ?? null };
}
