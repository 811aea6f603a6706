import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/database';
import { toIsoString } from '../storage/timestamps';
import type { OutboxEvent } from './types';

export interface ClaimOutboxBatchOptions {
  /** Most events to claim. */
  limit: number;
  /**
   * How long the claim holds. A worker that dies mid-delivery loses its claim when this
   * runs out and another worker delivers the event again (at-least-once).
   */
  lockForMs: number;
}

/**
 * Claims due, undelivered, unclaimed events (dead letters wait for a requeue) for one worker. `FOR UPDATE SKIP LOCKED` lets
 * workers in several processes claim from one PostgreSQL at once without waiting on or
 * double-claiming each other's rows; times come from the database clock, which all of them share.
 */
export async function claimOutboxBatch(
  db: Kysely<Database>,
  options: ClaimOutboxBatchOptions,
): Promise<OutboxEvent[]> {
  const limit = Math.max(1, Math.trunc(options.limit));
  const lockFor = `${Math.max(1, Math.trunc(options.lockForMs))} milliseconds`;
  const rows = await db
    .updateTable('outbox')
    .set({
      locked_until: sql<Date>`clock_timestamp() + ${lockFor}::interval`,
      attempts: sql<number>`attempts + 1`,
    })
    .where(
      'id',
      'in',
      db
        .selectFrom('outbox')
        .select('id')
        .where('delivered_at', 'is', null)
        .where('dead_at', 'is', null)
        .where('available_at', '<=', sql<Date>`clock_timestamp()`)
        .where((eb) =>
          eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`clock_timestamp()`)]),
        )
        .orderBy('available_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'org_id', 'type', 'payload', 'created_at', 'attempts', 'last_error'])
    .execute();
  return rows
    .map((row) => ({
      id: row.id,
      orgId: row.org_id,
      type: row.type,
      payload: row.payload,
      createdAt: toIsoString(row.created_at),
      attempts: row.attempts,
      lastError: row.last_error,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
