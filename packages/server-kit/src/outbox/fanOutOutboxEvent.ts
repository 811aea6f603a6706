import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../storage/database';
import { enqueueOutboxEvent, type OutboxEventInput } from './enqueueOutboxEvent';
import type { OutboxEvent } from './types';

export interface FanOutOptions {
  /**
   * Work in this database that goes with the event (in-app notifications): done in the same
   * transaction as the fan-out, so it happens exactly once with it.
   */
  local?: (trx: Transaction<Database>) => Promise<void>;
  /** One outbox row per outside destination (the message broker, a webhook endpoint). */
  destinations: readonly OutboxEventInput[];
}

/**
 * Delivers a domain event by handing it on: one new outbox row per outside destination, each
 * then claimed, retried, dead-lettered and requeued on its own, so a broker that is down
 * delays the broker's copy alone and a retry of it sends no notification twice.
 *
 * Marking the event delivered, the local work and the new rows commit together, and only the
 * first of two workers that hold the same event (a claim that ran out) gets past the mark: the
 * fan-out happens once. Says whether this call did it.
 *
 * @example
 * deliver: (event) => fanOutOutboxEvent(storage.db, event, {
 *   destinations: [{ orgId: event.orgId, type: 'amqp.publish', payload: event.payload }],
 * }).then(() => {}),
 */
export async function fanOutOutboxEvent(
  db: Kysely<Database>,
  event: Pick<OutboxEvent, 'id'>,
  options: FanOutOptions,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('outbox')
      .set({ delivered_at: sql<Date>`clock_timestamp()`, locked_until: null, last_error: null })
      .where('id', '=', event.id)
      .where('delivered_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) return false;
    await options.local?.(trx);
    for (const destination of options.destinations) await enqueueOutboxEvent(trx, destination);
    return true;
  });
}
