/**
 * Changes of an organization's identity provider in its audit trail: who may sign in, and with
 * which roles, is an access right like a role grant (PART11 23). The client secret is never
 * written, only that it was set or replaced.
 */
import { type AuditEntryInput, appendAuditEntry, type Database } from '@masetra/server-kit';
import type { Transaction } from 'kysely';
import type { TrailActor } from '../users/userTrail';
import type { SsoDatabase, SsoRoleRule } from './ssoDatabase';

type AuditChange = NonNullable<AuditEntryInput['changes']>[number];

/** The audit trail's record type for entries about an organization's identity provider. */
export const SSO_PROVIDER_SUBJECT = 'sso_provider';

interface ComparableSettings {
  protocol: string;
  display_name: string;
  issuer: string;
  client_id: string;
  allowed_domains: string[];
  role_claim: string;
  role_mapping: SsoRoleRule[];
  jit_provisioning: boolean;
  enabled: boolean;
}

const fields: [keyof ComparableSettings, string][] = [
  ['protocol', 'protocol'],
  ['display_name', 'displayName'],
  ['issuer', 'issuer'],
  ['client_id', 'clientId'],
  ['allowed_domains', 'allowedDomains'],
  ['role_claim', 'roleClaim'],
  ['role_mapping', 'roleMapping'],
  ['jit_provisioning', 'jitProvisioning'],
  ['enabled', 'enabled'],
];

/** JSON with sorted keys: jsonb reads objects back in its own key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** Every changed field, old and new; on creation every field's initial value (PART11 3). */
export function settingsChanges(
  before: ComparableSettings | undefined,
  after: ComparableSettings,
  secretGiven: boolean,
): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const [column, field] of fields) {
    if (!before) changes.push({ field, new: after[column] });
    else if (canonical(before[column]) !== canonical(after[column]))
      changes.push({ field, old: before[column], new: after[column] });
  }
  if (secretGiven)
    changes.push(
      before ? { field: 'clientSecret', old: 'set', new: 'replaced' } : { field: 'clientSecret', new: 'set' },
    );
  return changes;
}

export async function appendSsoSettingsEntry(
  trx: Transaction<SsoDatabase>,
  entry: {
    actor: TrailActor & { orgId: string };
    providerId: string;
    action: 'create' | 'update';
    changes: AuditChange[];
    reason: string | null;
    source: AuditEntryInput['source'];
    at: Date;
  },
): Promise<void> {
  await appendAuditEntry(trx as unknown as Transaction<Database>, {
    orgId: entry.actor.orgId,
    at: entry.at,
    actorId: entry.actor.userId,
    actorName: entry.actor.displayName,
    action: entry.action,
    recordType: SSO_PROVIDER_SUBJECT,
    recordId: entry.providerId,
    recordNumber: 'Single sign-on',
    changes: entry.changes,
    reason: entry.reason,
    source: entry.source,
  });
}
