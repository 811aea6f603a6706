import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/database';

/** Marks an event delivered; it is never claimed again. */
export async function markOutboxDelivered(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ delivered_at: sql<Date>`clock_timestamp()`, locked_until: null, last_error: null })
    .where('id', '=', id)
    .execute();
}
