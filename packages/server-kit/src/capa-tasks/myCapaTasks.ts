import { type Capa, can, type MyCapaTask, openTasksOf, type Principal, type RecordType } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/database';
import { asRecordDatabase, recordColumns } from '../storage/recordDatabase';
import { fromRecordRow } from '../storage/recordRow';
import { recordTableName } from '../storage/recordTableName';

/** How many CAPAs one "my tasks" answer reads at most; an owner with more sees the soonest due of these. */
const maxCapas = 500;

/**
 * The caller's open tasks across the CAPAs of their organization that are not finished. The
 * database narrows to CAPAs with a task the caller owns (jsonb containment); core decides which
 * of those tasks are open, and sorts them.
 */
export async function myCapaTasks(
  db: Kysely<Database>,
  capaType: RecordType,
  principal: Principal,
  now: string,
): Promise<MyCapaTask[]> {
  if (!can(principal, capaType, 'read')) return [];
  const owned = JSON.stringify([{ ownerId: principal.userId }]);
  const rows = await asRecordDatabase(db)
    .selectFrom(recordTableName(capaType))
    .select(recordColumns)
    .where('org_id', '=', principal.orgId)
    .where('state', 'not in', [...capaType.finalStates])
    .where(sql<boolean>`data->'tasks' @> ${owned}::jsonb`)
    .orderBy('created_at')
    .limit(maxCapas)
    .execute();
  const capas = rows.map((row) => fromRecordRow(capaType, row) as unknown as Capa);
  return openTasksOf(capas, principal.userId, now);
}
