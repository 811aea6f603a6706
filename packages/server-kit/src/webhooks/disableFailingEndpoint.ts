import { SYSTEM_ACTOR } from '@masetra/core';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import type { Database } from '../storage/database';
import { withWebhooks } from './webhookTables';
import { WEBHOOK_TRAIL_TYPE } from './webhookTrail';

/**
 * An endpoint failed a delivery past the outbox's retry limit (about three days): it is
 * disabled, so no more copies pile up, the change is audited as the system's, and each active
 * administrator of its organization gets an in-app notification (and whatever `onDisabled` adds,
 * such as an e-mail). All in one transaction; a
 * repeat for an endpoint already disabled does nothing.
 */
/** An endpoint the server gave up on, and who was told in-app: what a host's own notice (e-mail) needs. */
export interface DisabledWebhookEndpoint {
  orgId: string;
  endpointId: string;
  url: string;
  reason: string;
  /** The organization's active administrators, each told in-app. */
  administratorIds: string[];
}

export async function disableFailingEndpoint(
  db: Kysely<Database>,
  input: { orgId: string; endpointId: string; reason: string; at: Date },
  onDisabled?: (trx: Transaction<Database>, disabled: DisabledWebhookEndpoint) => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const webhooks = withWebhooks(trx);
    const endpoint = await webhooks
      .updateTable('webhook_endpoints')
      .set((eb) => ({
        enabled: false,
        disabled_reason: input.reason,
        updated_at: input.at,
        version: eb('version', '+', 1),
      }))
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.endpointId)
      .where('enabled', '=', true)
      .returning(['id', 'url'])
      .executeTakeFirst();
    if (!endpoint) return false;
    await appendAuditEntry(trx, {
      orgId: input.orgId,
      at: input.at,
      actorId: SYSTEM_ACTOR,
      actorName: 'Masetra webhooks',
      action: 'update',
      recordType: WEBHOOK_TRAIL_TYPE,
      recordId: endpoint.id,
      recordNumber: null,
      changes: [
        { field: 'enabled', old: true, new: false },
        { field: 'disabledReason', old: null, new: input.reason },
      ],
      reason: input.reason,
      source: null,
    });
    const administrators = await trx
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.id')
      .where('users.org_id', '=', input.orgId)
      .where('users.active', '=', true)
      .where('user_roles.role', '=', 'admin')
      .distinct()
      .execute();
    for (const administrator of administrators) {
      await trx
        .insertInto('notifications')
        .values({
          id: uuidv7(),
          org_id: input.orgId,
          user_id: administrator.id,
          kind: 'webhook.disabled',
          record_type: null,
          record_id: null,
          title: `Webhook to ${endpoint.url} disabled after failing for three days`,
          body: input.reason,
          created_at: input.at,
        })
        .execute();
    }
    // The host's notice (an e-mail through its outbox) commits with the disabling, or neither does.
    await onDisabled?.(trx, {
      orgId: input.orgId,
      endpointId: endpoint.id,
      url: endpoint.url,
      reason: input.reason,
      administratorIds: administrators.map((administrator) => administrator.id),
    });
    return true;
  });
}
