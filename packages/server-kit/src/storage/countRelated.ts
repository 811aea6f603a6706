import type { RecordType, RelatedCount } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from './database';
import { asRecordDatabase, uuidPattern } from './recordDatabase';
import { recordTableName } from './recordTableName';

/**
 * How many children of a parent record are still open, and how many there are: what a
 * guard such as "every finding closed" reads. The child type must declare its `parent`.
 */
export async function countRelated(
  db: Kysely<Database>,
  childType: RecordType,
  orgId: string,
  parentId: string,
  finalStates: readonly string[] = childType.finalStates,
): Promise<RelatedCount> {
  if (!childType.parent) throw new Error(`Record type ${childType.name} has no parent to count under`);
  if (!uuidPattern.test(parentId)) return { open: 0, total: 0 };
  const open =
    finalStates.length === 0
      ? sql<number>`count(*)::int`
      : sql<number>`(count(*) FILTER (WHERE state NOT IN (${sql.join([...finalStates])})))::int`;
  const counts = await asRecordDatabase(db)
    .selectFrom(recordTableName(childType))
    .select([sql<number>`count(*)::int`.as('total'), open.as('open')])
    .where('org_id', '=', orgId)
    .where('parent_id', '=', parentId)
    .executeTakeFirstOrThrow();
  return { open: Number(counts.open), total: Number(counts.total) };
}
