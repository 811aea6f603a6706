import { type Kysely, sql } from 'kysely';

/** Delivered outbox rows are purged after their retention; this keeps finding them cheap. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX outbox_delivered_idx ON outbox (delivered_at) WHERE delivered_at IS NOT NULL`.execute(
    db,
  );
}
