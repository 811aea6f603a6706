import type { Storage } from './storage';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long the kit keeps its operational rows. Neither is a regulated record: an idempotency
 * key only lets a client retry safely, and a delivered outbox row only says a message went out
 * (the audit trail keeps what happened, for ever).
 */
export const defaultRetention = {
  /** A retry comes within minutes or hours; a week covers a client that was offline over a weekend. */
  idempotencyKeysDays: 7,
  /** Long enough to look into a delivery that was questioned. Undelivered rows are never purged. */
  deliveredOutboxDays: 30,
} as const;

export interface PurgeExpiredRowsOptions {
  now?: Date;
  idempotencyKeysDays?: number;
  deliveredOutboxDays?: number;
}

/**
 * Deletes idempotency keys and delivered outbox rows past their retention. A host runs it on a
 * schedule (the reference server: with its hourly sweep); it is safe from several processes at once.
 *
 * @example
 * setInterval(() => purgeExpiredRows(storage), 60 * 60 * 1000).unref();
 */
export async function purgeExpiredRows(
  storage: Pick<Storage, 'db'>,
  options: PurgeExpiredRowsOptions = {},
): Promise<{ idempotencyKeys: number; deliveredOutbox: number }> {
  const now = (options.now ?? new Date()).getTime();
  const keysBefore = new Date(
    now - (options.idempotencyKeysDays ?? defaultRetention.idempotencyKeysDays) * DAY_MS,
  );
  const outboxBefore = new Date(
    now - (options.deliveredOutboxDays ?? defaultRetention.deliveredOutboxDays) * DAY_MS,
  );
  const keys = await storage.db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', keysBefore)
    .executeTakeFirst();
  const outbox = await storage.db
    .deleteFrom('outbox')
    .where('delivered_at', 'is not', null)
    .where('delivered_at', '<', outboxBefore)
    .executeTakeFirst();
  return { idempotencyKeys: Number(keys.numDeletedRows), deliveredOutbox: Number(outbox.numDeletedRows) };
}
