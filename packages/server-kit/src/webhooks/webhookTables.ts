/** The webhook tables of migration 0012, as Kysely sees them; reached through `withWebhooks`. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, Jsonb, Timestamp } from '../storage/database';

export type WebhookEndpointsTable = {
  id: string;
  org_id: string;
  url: string;
  description: string;
  event_types: Jsonb<string[]>;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Timestamp | null;
  enabled: boolean;
  disabled_reason: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
};

export type WebhookDeliveriesTable = {
  id: string;
  org_id: string;
  endpoint_id: string;
  webhook_id: string;
  event_type: string;
  record_number: string | null;
  payload: Jsonb<unknown>;
  status: 'delivered' | 'failed';
  attempt: number;
  response_status: number | null;
  duration_ms: number;
  error: string | null;
  at: Timestamp;
};

// Type aliases, not interfaces: `withTables` wants types with an index signature.
export type WebhookTables = {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
};

/** The database with the webhook tables known to the query builder. */
export function withWebhooks(db: Transaction<Database>): Transaction<Database & WebhookTables>;
export function withWebhooks(db: Kysely<Database>): Kysely<Database & WebhookTables>;
export function withWebhooks(db: Kysely<Database>): Kysely<Database & WebhookTables> {
  return db.withTables<WebhookTables>();
}
