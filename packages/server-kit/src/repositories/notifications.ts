import type { Notification, Page } from '@masetra/core';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import { toIsoString } from '../storage/timestamps';
import { decodeCursor, encodeCursor } from './pageCursor';

type NotificationRow = Awaited<ReturnType<typeof baseQuery>>[number];

function baseQuery(db: Kysely<Database>, orgId: string, userId: string) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    recordType: row.record_type,
    recordId: row.record_id,
    title: row.title,
    body: row.body,
    createdAt: toIsoString(row.created_at),
    readAt: row.read_at ? toIsoString(row.read_at) : null,
  };
}

/** A user's notifications, newest first (UUIDv7 ids sort by time). */
export async function listNotifications(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Notification>> {
  let query = db
    .selectFrom('notifications')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId);
  const before = decodeCursor(page.cursor);
  if (before) query = query.where('id', '<', before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit).map(toNotification);
  return { items, nextCursor: rows.length > page.limit ? encodeCursor(items.at(-1)?.id ?? '') : null };
}

export async function markNotificationRead(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  id: string,
  at: string,
): Promise<Notification | null> {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toNotification(row) : null;
}
