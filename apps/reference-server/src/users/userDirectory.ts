import { defaultRoleNames, type Organization, type User } from '@masetra/core';
import type { Database } from '@masetra/server-kit';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';

export interface NewUser {
  orgId: string;
  email: string;
  displayName: string;
  roles: readonly string[];
}

/** Roles this server knows; anything else is refused so a typo grants nothing silently. */
export function unknownRoles(roles: readonly string[]): string[] {
  return roles.filter((role) => !(defaultRoleNames as readonly string[]).includes(role));
}

async function rolesOf(db: Kysely<Database>, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('user_id', 'in', userIds)
    .execute();
  for (const row of rows) map.get(row.user_id)?.push(row.role);
  for (const roles of map.values()) roles.sort();
  return map;
}

type UserRow = {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  active: boolean;
  created_at: Date;
};

function toUser(row: UserRow, roles: string[]): User {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    displayName: row.display_name,
    roles,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Users and organizations in server-kit's tables. User ids are UUIDv7 and never reused (PART11 16). */
export function createUserDirectory(db: Kysely<Database>) {
  return {
    async createOrganization(name: string, id = uuidv7()): Promise<Organization> {
      const row = await db
        .insertInto('organizations')
        .values({ id, name })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { id: row.id, name: row.name, createdAt: new Date(row.created_at).toISOString() };
    },

    async organization(id: string): Promise<Organization | null> {
      const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? { id: row.id, name: row.name, createdAt: new Date(row.created_at).toISOString() } : null;
    },

    async createUser(input: NewUser): Promise<User> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('users')
          .values({
            id: uuidv7(),
            org_id: input.orgId,
            email: input.email.trim().toLowerCase(),
            display_name: input.displayName,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (input.roles.length > 0) {
          await trx
            .insertInto('user_roles')
            .values([...new Set(input.roles)].map((role) => ({ user_id: row.id, role })))
            .execute();
        }
        return toUser(row, [...new Set(input.roles)].sort());
      });
    },

    async listUsers(orgId: string): Promise<User[]> {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('email')
        .execute();
      const roles = await rolesOf(
        db,
        rows.map((row) => row.id),
      );
      return rows.map((row) => toUser(row, roles.get(row.id) ?? []));
    },

    async findUser(orgId: string, id: string): Promise<User | null> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return toUser(row, (await rolesOf(db, [row.id])).get(row.id) ?? []);
    },

    async findUserByEmail(email: string): Promise<User | null> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      if (!row) return null;
      return toUser(row, (await rolesOf(db, [row.id])).get(row.id) ?? []);
    },

    async updateUser(
      orgId: string,
      id: string,
      changes: { displayName?: string; roles?: readonly string[]; active?: boolean },
    ): Promise<User | null> {
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .executeTakeFirst();
        if (!existing) return null;
        if (changes.displayName !== undefined || changes.active !== undefined) {
          await trx
            .updateTable('users')
            .set({
              ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
              ...(changes.active !== undefined ? { active: changes.active } : {}),
            })
            .where('id', '=', id)
            .execute();
        }
        if (changes.roles) {
          await trx.deleteFrom('user_roles').where('user_id', '=', id).execute();
          if (changes.roles.length > 0) {
            await trx
              .insertInto('user_roles')
              .values([...new Set(changes.roles)].map((role) => ({ user_id: id, role })))
              .execute();
          }
        }
        const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        const roles = await trx.selectFrom('user_roles').select('role').where('user_id', '=', id).execute();
        return toUser(row, roles.map((entry) => entry.role).sort());
      });
    },
  };
}

export type UserDirectory = ReturnType<typeof createUserDirectory>;
