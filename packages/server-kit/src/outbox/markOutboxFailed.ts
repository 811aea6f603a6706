import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/database';

export interface OutboxRetryPolicy {
  /** Wait after the first failure; doubles with each further one. 1 s when left out. */
  baseDelayMs?: number;
  /** The longest wait between tries. 1 h when left out. */
  maxDelayMs?: number;
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.slice(0, 2000);
}

/**
 * Records a failed delivery and releases the claim; the event becomes due again after an
 * exponential backoff (base × 2^(attempts − 1), capped), so a receiver that is down is not
 * hammered and one that recovers gets the event.
 */
export async function markOutboxFailed(
  db: Kysely<Database>,
  id: string,
  error: unknown,
  policy: OutboxRetryPolicy = {},
): Promise<void> {
  const base = policy.baseDelayMs ?? 1000;
  const max = policy.maxDelayMs ?? 3_600_000;
  await db
    .updateTable('outbox')
    .set({
      locked_until: null,
      last_error: messageOf(error),
      // attempts was bumped by the claim, so the first failure waits `base`.
      available_at: sql<Date>`clock_timestamp() + least(${base}::float8 * power(2, greatest(attempts - 1, 0)), ${max}::float8) * interval '1 millisecond'`,
    })
    .where('id', '=', id)
    .where('delivered_at', 'is', null)
    .execute();
}
