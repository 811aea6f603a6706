import type { OutboxDeadLetter, Page } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import { decodeCursor, encodeCursor } from '../repositories/pageCursor';
import type { Database } from '../storage/database';
import { toIsoString } from '../storage/timestamps';

interface OutboxRow {
  id: string;
  type: string;
  payload: unknown;
  created_at: Date | string;
  attempts: number;
  last_error: string | null;
  dead_at: Date | string | null;
}

const columns = ['id', 'type', 'payload', 'created_at', 'attempts', 'last_error', 'dead_at'] as const;

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A dead letter as administrators see it: which record it was about, not its whole payload. */
export function toOutboxDeadLetter(row: OutboxRow): OutboxDeadLetter {
  const payload = (row.payload ?? {}) as Record<string, unknown>;
  return {
    id: row.id,
    type: row.type,
    recordType: text(payload.recordType),
    recordId: text(payload.recordId),
    recordNumber: text(payload.recordNumber),
    createdAt: toIsoString(row.created_at),
    attempts: row.attempts,
    lastError: row.last_error,
    deadAt: row.dead_at ? toIsoString(row.dead_at) : null,
  };
}

/** An organization's dead letters, newest first (UUIDv7 ids sort by time). */
export async function listOutboxDeadLetters(
  db: Kysely<Database>,
  orgId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<OutboxDeadLetter>> {
  let query = db
    .selectFrom('outbox')
    .select(columns)
    .where('org_id', '=', orgId)
    .where('dead_at', 'is not', null);
  const before = decodeCursor(page.cursor);
  if (before) query = query.where('id', '<', before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit).map(toOutboxDeadLetter);
  return { items, nextCursor: rows.length > page.limit ? encodeCursor(items.at(-1)?.id ?? '') : null };
}

/** One outbox row of the organization, locked for the requeue that reads it; null when none is. */
export async function findOutboxRowForUpdate(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<(OutboxRow & { delivered_at: Date | string | null }) | null> {
  const row = await db
    .selectFrom('outbox')
    .select([...columns, 'delivered_at'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Puts a dead letter back: due at once, with a fresh retry budget (its attempts start again
 * from zero). The last error stays, until the next try replaces it.
 */
export async function requeueOutboxDeadLetter(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<OutboxDeadLetter | null> {
  const row = await db
    .updateTable('outbox')
    .set({
      dead_at: null,
      attempts: 0,
      locked_until: null,
      available_at: sql<Date>`clock_timestamp()`,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('dead_at', 'is not', null)
    .returning(columns)
    .executeTakeFirst();
  return row ? toOutboxDeadLetter(row) : null;
}
