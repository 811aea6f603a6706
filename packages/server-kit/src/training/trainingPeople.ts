import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';

/** A person of the organization as training sees them. */
export interface TrainingPerson {
  userId: string;
  name: string;
}

/**
 * The active people of an organization who hold one of `roles` or are named in `userIds`,
 * read from the kit's `users` and `user_roles` tables (the reference server keeps them; a host
 * with its own directory mirrors its users there for training). Someone named who is not an
 * active user of the organization gets no task.
 */
export async function peopleToTrain(
  db: Kysely<Database>,
  orgId: string,
  who: { roles: readonly string[]; userIds: readonly string[] },
): Promise<TrainingPerson[]> {
  if (who.roles.length === 0 && who.userIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['users.id', 'users.display_name'])
    .where('users.org_id', '=', orgId)
    .where('users.active', '=', true)
    .where((where) =>
      where.or([
        ...(who.userIds.length > 0 ? [where('users.id', 'in', [...who.userIds])] : []),
        ...(who.roles.length > 0
          ? [
              where.exists(
                where
                  .selectFrom('user_roles')
                  .select('user_roles.user_id')
                  .whereRef('user_roles.user_id', '=', 'users.id')
                  .where('user_roles.role', 'in', [...who.roles]),
              ),
            ]
          : []),
      ]),
    )
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  return rows.map((row) => ({ userId: row.id, name: row.display_name }));
}

/** Every active person of the organization: the rows of the training matrix. */
export async function organizationPeople(db: Kysely<Database>, orgId: string): Promise<TrainingPerson[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ userId: row.id, name: row.display_name }));
}
