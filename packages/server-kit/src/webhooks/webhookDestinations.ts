import { type Kysely, sql } from 'kysely';
import type { OutboxEventInput } from '../outbox/enqueueOutboxEvent';
import type { DomainEvent } from '../services/QmsOptions';
import type { Database } from '../storage/database';
import { withWebhooks } from './webhookTables';

/** The outbox row of one domain event's copy for one webhook endpoint. */
export const WEBHOOK_DELIVERY_EVENT = 'webhook.deliver';

/** What a `webhook.deliver` row carries: whom to send to, and what. */
export interface WebhookDeliveryPayload {
  endpointId: string;
  /** The `webhook-id` header: the domain event's id, the same on every retry and replay. */
  webhookId: string;
  event: DomainEvent;
}

/**
 * One outbox row per enabled endpoint of the event's organization that subscribed to its type:
 * the destinations a fan-out adds (`fanOutOutboxEvent`), so each endpoint is retried, and given
 * up on, on its own.
 *
 * @example
 * deliver: async (event) => fanOutOutboxEvent(db, event, {
 *   destinations: await webhookDestinations(db, event.payload as DomainEvent),
 * }),
 */
export async function webhookDestinations(
  db: Kysely<Database>,
  event: DomainEvent,
): Promise<OutboxEventInput[]> {
  const endpoints = await withWebhooks(db)
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('org_id', '=', event.orgId)
    .where('enabled', '=', true)
    .where(sql<boolean>`event_types @> ${JSON.stringify([event.type])}::jsonb`)
    .orderBy('id')
    .execute();
  return endpoints.map((endpoint) => ({
    orgId: event.orgId,
    type: WEBHOOK_DELIVERY_EVENT,
    payload: { endpointId: endpoint.id, webhookId: event.id, event } satisfies WebhookDeliveryPayload,
  }));
}
