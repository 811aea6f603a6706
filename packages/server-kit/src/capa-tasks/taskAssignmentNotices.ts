import type { Capa, RecordTypeRegistry } from '@masetra/core';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DomainEvent } from '../services/QmsOptions';
import type { Database } from '../storage/database';
import { findRecord } from '../storage/records';

/** The notification kind of a task assignment; its `body` is the task's id. */
export const CAPA_TASK_ASSIGNED = 'capa.task_assigned';

/**
 * Tells each owner of an open task of a CAPA that it is theirs: a delivery of the outbox calls
 * it with a CAPA's `capa.created` or `capa.updated` event. It reads the CAPA as it stands at
 * delivery, and writes one notification per owner and task, never twice (delivery is at least
 * once, and a later change of the plan delivers again): a task handed to someone else tells the
 * new owner. The one who made the change is not told of their own assignment.
 *
 * @example
 * // in the host's outbox delivery:
 * await notifyCapaTaskOwners(db, registry, event);
 */
export async function notifyCapaTaskOwners(
  db: Kysely<Database>,
  registry: RecordTypeRegistry,
  event: DomainEvent,
): Promise<number> {
  if (event.type !== 'capa.created' && event.type !== 'capa.updated') return 0;
  const capaType = registry.byName('capa');
  if (!capaType) return 0;
  const capa = (await findRecord(db, capaType, event.orgId, event.recordId)) as Capa | null;
  if (!capa || capaType.finalStates.includes(capa.state)) return 0;
  let written = 0;
  for (const task of capa.tasks ?? []) {
    if (task.done || !task.ownerId || task.ownerId === event.actorId) continue;
    const told = await db
      .selectFrom('notifications')
      .select('id')
      .where('org_id', '=', event.orgId)
      .where('user_id', '=', task.ownerId)
      .where('kind', '=', CAPA_TASK_ASSIGNED)
      .where('record_id', '=', capa.id)
      .where('body', '=', task.id)
      .executeTakeFirst();
    if (told) continue;
    await db
      .insertInto('notifications')
      .values({
        id: uuidv7(),
        org_id: event.orgId,
        user_id: task.ownerId,
        kind: CAPA_TASK_ASSIGNED,
        record_type: 'capa',
        record_id: capa.id,
        title: `${capa.number}: task "${task.title}" is yours`,
        body: task.id,
        created_at: event.at,
      })
      .execute();
    written++;
  }
  return written;
}
