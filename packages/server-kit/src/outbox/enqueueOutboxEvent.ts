import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../storage/database';
import { toJsonb } from '../storage/jsonb';

export interface OutboxEventInput {
  orgId: string;
  type: string;
  payload: unknown;
  /** Not before this time (a reminder); now when left out. */
  availableAt?: Date;
}

/**
 * Puts an event in the outbox inside the caller's transaction: it exists if and only if the
 * change that caused it committed, so nothing is announced that did not happen, and nothing
 * that happened goes unannounced when the process dies right after the commit.
 */
export async function enqueueOutboxEvent(
  trx: Transaction<Database>,
  event: OutboxEventInput,
): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('outbox')
    .values({
      id,
      org_id: event.orgId,
      type: event.type,
      payload: toJsonb(event.payload),
      ...(event.availableAt ? { available_at: event.availableAt } : {}),
    })
    .execute();
  return id;
}
