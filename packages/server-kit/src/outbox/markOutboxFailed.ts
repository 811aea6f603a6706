import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/database';

export interface OutboxRetryPolicy {
  /** Wait after the first failure; doubles with each further one. 1 s when left out. */
  baseDelayMs?: number;
  /** The longest wait between tries. 1 h when left out. */
  maxDelayMs?: number;
  /**
   * Tries before the event is dead-lettered: kept, never claimed again, listed for the
   * administrators until one requeues it. 80 when left out: with the default backoff that is
   * about three days of trying, long enough to outlast a weekend's outage of a receiver.
   */
  maxAttempts?: number;
}

/** Tries before an event is dead-lettered, when the retry policy names no limit. */
export const DEFAULT_OUTBOX_MAX_ATTEMPTS = 80;

function messageOf(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.slice(0, 2000);
}

/**
 * Records a failed delivery and releases the claim; the event becomes due again after an
 * exponential backoff (base × 2^(attempts − 1), capped), so a receiver that is down is not
 * hammered and one that recovers gets the event. Past `maxAttempts` it is dead-lettered
 * instead; nothing is dropped. Says whether it was.
 */
export async function markOutboxFailed(
  db: Kysely<Database>,
  id: string,
  error: unknown,
  policy: OutboxRetryPolicy = {},
): Promise<{ deadLettered: boolean }> {
  const base = policy.baseDelayMs ?? 1000;
  const max = policy.maxDelayMs ?? 3_600_000;
  const maxAttempts = Math.max(1, Math.trunc(policy.maxAttempts ?? DEFAULT_OUTBOX_MAX_ATTEMPTS));
  const row = await db
    .updateTable('outbox')
    .set({
      locked_until: null,
      last_error: messageOf(error),
      // attempts was bumped by the claim, so the first failure waits `base`.
      available_at: sql<Date>`clock_timestamp() + least(${base}::float8 * power(2, greatest(attempts - 1, 0)), ${max}::float8) * interval '1 millisecond'`,
      dead_at: sql<Date | null>`CASE WHEN attempts >= ${maxAttempts}::int THEN clock_timestamp() END`,
    })
    .where('id', '=', id)
    .where('delivered_at', 'is', null)
    .returning('dead_at')
    .executeTakeFirst();
  return { deadLettered: row?.dead_at != null };
}
