import type { WebhookDelivery, WebhookEndpoint } from '@masetra/core';
import type { Selectable } from 'kysely';
import { toIsoString } from '../storage/timestamps';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from './webhookTables';

/** An endpoint as administrators see it: everything but its secrets. */
export function toWebhookEndpoint(row: Selectable<WebhookEndpointsTable>, now: Date): WebhookEndpoint {
  const expires = row.previous_secret_expires_at
    ? new Date(toIsoString(row.previous_secret_expires_at))
    : null;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    previousSecretExpiresAt: expires && expires > now ? expires.toISOString() : null,
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
    version: row.version,
  };
}

export function toWebhookDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventType: row.event_type,
    recordNumber: row.record_number,
    status: row.status,
    attempt: row.attempt,
    responseStatus: row.response_status,
    durationMs: row.duration_ms,
    error: row.error,
    at: toIsoString(row.at),
  };
}
