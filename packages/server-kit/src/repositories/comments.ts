import type { Comment, Page } from '@masetra/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/database';
import { toIsoString } from '../storage/timestamps';
import { decodeCursor, encodeCursor } from './pageCursor';

export async function insertComment(
  trx: Transaction<Database>,
  orgId: string,
  comment: Comment,
): Promise<void> {
  await trx
    .insertInto('comments')
    .values({
      id: comment.id,
      org_id: orgId,
      record_type: comment.recordType,
      record_id: comment.recordId,
      author_id: comment.authorId,
      author_name: comment.authorName,
      body: comment.body,
      created_at: comment.createdAt,
    })
    .execute();
}

/** A record's discussion, oldest first, keyset-paged by id (UUIDv7 ids sort by time). */
export async function listComments(
  db: Kysely<Database>,
  orgId: string,
  recordType: string,
  recordId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Comment>> {
  let query = db
    .selectFrom('comments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId);
  const after = decodeCursor(page.cursor);
  if (after) query = query.where('id', '>', after);
  const rows = await query
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit).map((row) => ({
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: toIsoString(row.created_at),
  }));
  return { items, nextCursor: rows.length > page.limit ? encodeCursor(items.at(-1)?.id ?? '') : null };
}
