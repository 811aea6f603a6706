import { type Kysely, sql } from 'kysely';

/**
 * Outbound webhooks. `webhook_endpoints`: an organization's receivers, each with the event
 * types it wants, its signing secret (and, for a day after a rotation, the previous one), and
 * whether it is enabled (`disabled_reason` when the server gave up on it); `version` guards
 * changes (If-Match). `webhook_deliveries`: one row per try of sending an event to an endpoint,
 * the delivery log administrators read and replay from; it goes with its endpoint.
 */
const statements = [
  sql`CREATE TABLE webhook_endpoints (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    url text NOT NULL,
    description text NOT NULL DEFAULT '',
    event_types jsonb NOT NULL DEFAULT '[]',
    secret text NOT NULL,
    previous_secret text,
    previous_secret_expires_at timestamptz,
    enabled boolean NOT NULL DEFAULT true,
    disabled_reason text,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL CHECK (version >= 1)
  )`,
  sql`CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id, created_at, id)`,
  sql`CREATE TABLE webhook_deliveries (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    webhook_id text NOT NULL,
    event_type text NOT NULL,
    record_number text,
    payload jsonb NOT NULL,
    status text NOT NULL CHECK (status IN ('delivered', 'failed')),
    attempt integer NOT NULL,
    response_status integer,
    duration_ms integer NOT NULL,
    error text,
    at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
