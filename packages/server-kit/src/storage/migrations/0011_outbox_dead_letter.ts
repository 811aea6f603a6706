import { type Kysely, sql } from 'kysely';

/**
 * An outbox event that failed past its retry limit is dead-lettered (`dead_at`): never claimed
 * again until an administrator requeues it, and never purged (only delivered rows are). The
 * pending index now leaves dead letters out, and they get one of their own for the
 * administrators' list, per organization, newest first.
 */
const statements = [
  sql`ALTER TABLE outbox ADD COLUMN dead_at timestamptz`,
  sql`DROP INDEX outbox_pending_idx`,
  sql`CREATE INDEX outbox_pending_idx ON outbox (available_at, id) WHERE delivered_at IS NULL AND dead_at IS NULL`,
  sql`CREATE INDEX outbox_dead_letter_idx ON outbox (org_id, id) WHERE dead_at IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
