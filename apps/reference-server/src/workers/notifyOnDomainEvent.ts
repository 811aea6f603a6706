import { availableEvents, type RecordBase, type RecordTypeRegistry } from '@masetra/core';
import { type Database, type DomainEvent, notifyCapaTaskOwners } from '@masetra/server-kit';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';

interface Recipient {
  userId: string;
  title: string;
}

async function usersWithRoles(
  db: Kysely<Database>,
  orgId: string,
  roles: readonly string[],
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.org_id', '=', orgId)
    .where('users.active', '=', true)
    .where('user_roles.role', 'in', [...roles])
    .distinct()
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Who should hear of a lifecycle move: the owner, when someone else moved their record, and
 * everyone whose role may take one of the moves the record now waits for (an approval).
 */
async function recipientsOf(
  db: Kysely<Database>,
  registry: RecordTypeRegistry,
  event: DomainEvent,
): Promise<Recipient[]> {
  const recordType = registry.byName(event.recordType);
  const to = event.data.to as string | undefined;
  if (!recordType || !to) return [];
  const recipients: Recipient[] = [];
  const owner = event.data.ownerId as string | undefined;
  if (owner && owner !== event.actorId) {
    recipients.push({ userId: owner, title: `${event.recordNumber} moved to ${to.replaceAll('_', ' ')}` });
  }
  // The moves the new state offers, by the roles that may take them (not system moves).
  const record = { state: to, ownerId: owner ?? '', number: event.recordNumber } as RecordBase;
  for (const move of availableEvents(recordType, record as never, { actorId: '' })) {
    if (move.meta.system || move.type.startsWith('REJECT') || move.type.includes('CANCEL')) continue;
    const roles = recordType.permissions.events[move.type] ?? [];
    for (const userId of await usersWithRoles(db, event.orgId, roles)) {
      if (userId === event.actorId || userId === owner) continue;
      if (!recipients.some((recipient) => recipient.userId === userId)) {
        recipients.push({
          userId,
          title: `${event.recordNumber} awaits ${move.type.toLowerCase().replaceAll('_', ' ')}`,
        });
      }
    }
  }
  return recipients;
}

/**
 * The outbox delivery of the reference server: lifecycle moves become in-app notifications, and
 * so does a CAPA task handed to its owner (server-kit's `notifyCapaTaskOwners`). Delivery is at
 * least once, so a repeat of the same event writes nothing twice.
 */
export function notifyOnDomainEvent(db: Kysely<Database>, registry: RecordTypeRegistry) {
  return async (payload: unknown): Promise<void> => {
    const event = payload as DomainEvent;
    if (event?.type === 'capa.created' || event?.type === 'capa.updated') {
      await notifyCapaTaskOwners(db, registry, event);
      return;
    }
    if (!event?.type?.endsWith('.transitioned')) return;
    for (const recipient of await recipientsOf(db, registry, event)) {
      const repeat = await db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', recipient.userId)
        .where('kind', '=', event.type)
        .where('record_id', '=', event.recordId)
        .where('created_at', '=', new Date(event.at))
        .executeTakeFirst();
      if (repeat) continue;
      await db
        .insertInto('notifications')
        .values({
          id: uuidv7(),
          org_id: event.orgId,
          user_id: recipient.userId,
          kind: event.type,
          record_type: event.recordType,
          record_id: event.recordId,
          title: recipient.title,
          body: null,
          created_at: event.at,
        })
        .execute();
    }
  };
}
