import { defaultRoleNames, type Organization, type SupportedLocale, type User } from '@masetra/core';
import type { Database } from '@masetra/server-kit';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { localesOf, setLocale } from '../auth/userLocale';

export interface NewUser {
  /** A fresh UUIDv7 when left out; given when something else (a set-up link) must name the user first. */
  id?: string;
  orgId: string;
  email: string;
  displayName: string;
  roles: readonly string[];
  /** The language of their e-mails; the server's default when left out. */
  locale?: SupportedLocale;
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

function toUser(row: UserRow, roles: string[], locale: SupportedLocale | undefined): User {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    displayName: row.display_name,
    roles,
    active: row.active,
    ...(locale ? { locale } : {}),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The rows as users, with their roles and chosen languages read in two queries for all of them. */
async function toUsers(db: Kysely<Database>, rows: readonly UserRow[]): Promise<User[]> {
  const ids = rows.map((row) => row.id);
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const roles = await rolesOf(db, ids);
  const locales = await localesOf(db, ids);
  return rows.map((row) => toUser(row, roles.get(row.id) ?? [], locales.get(row.id)));
}

export interface UserChanges {
  displayName?: string;
  roles?: readonly string[];
  active?: boolean;
  locale?: SupportedLocale;
}

/** Writes an organization with `executor`, which may be the transaction that also creates its first user. */
export async function insertOrganization(
  executor: Kysely<Database>,
  name: string,
  id = uuidv7(),
): Promise<Organization> {
  const row = await executor
    .insertInto('organizations')
    .values({ id, name })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, createdAt: new Date(row.created_at).toISOString() };
}

/** Writes a user and their roles with `executor`: the caller's transaction, which may also write the audit trail. */
export async function insertUser(executor: Kysely<Database>, input: NewUser): Promise<User> {
  const row = await executor
    .insertInto('users')
    .values({
      id: input.id ?? uuidv7(),
      org_id: input.orgId,
      email: input.email.trim().toLowerCase(),
      display_name: input.displayName,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const roles = [...new Set(input.roles)].sort();
  if (roles.length > 0) {
    await executor
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: row.id, role })))
      .execute();
  }
  if (input.locale) await setLocale(executor, row.id, input.locale);
  return toUser(row, roles, input.locale);
}

/** Applies name, roles and active flag to a user with `executor`, and reads them back. */
export async function applyUserChanges(
  executor: Kysely<Database>,
  id: string,
  changes: UserChanges,
): Promise<User> {
  if (changes.displayName !== undefined || changes.active !== undefined) {
    await executor
      .updateTable('users')
      .set({
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
      })
      .where('id', '=', id)
      .execute();
  }
  if (changes.roles) {
    await executor.deleteFrom('user_roles').where('user_id', '=', id).execute();
    if (changes.roles.length > 0) {
      await executor
        .insertInto('user_roles')
        .values([...new Set(changes.roles)].map((role) => ({ user_id: id, role })))
        .execute();
    }
  }
  if (changes.locale) await setLocale(executor, id, changes.locale);
  const row = await executor.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return (await toUsers(executor, [row]))[0] as User;
}

/** Users and organizations in server-kit's tables. User ids are UUIDv7 and never reused (PART11 16). */
export function createUserDirectory(db: Kysely<Database>) {
  return {
    createOrganization: (name: string, id = uuidv7()): Promise<Organization> =>
      insertOrganization(db, name, id),

    async organizationByName(name: string): Promise<Organization | null> {
      const row = await db
        .selectFrom('organizations')
        .selectAll()
        .where('name', '=', name)
        .executeTakeFirst();
      return row ? { id: row.id, name: row.name, createdAt: new Date(row.created_at).toISOString() } : null;
    },

    async organization(id: string): Promise<Organization | null> {
      const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? { id: row.id, name: row.name, createdAt: new Date(row.created_at).toISOString() } : null;
    },

    async createUser(input: NewUser): Promise<User> {
      return db.transaction().execute((trx) => insertUser(trx, input));
    },

    async listUsers(orgId: string): Promise<User[]> {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('email')
        .execute();
      return toUsers(db, rows);
    },

    async findUser(orgId: string, id: string): Promise<User | null> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return (await toUsers(db, [row]))[0] as User;
    },

    async findUserByEmail(email: string): Promise<User | null> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      if (!row) return null;
      return (await toUsers(db, [row]))[0] as User;
    },

    async updateUser(orgId: string, id: string, changes: UserChanges): Promise<User | null> {
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .executeTakeFirst();
        return existing ? applyUserChanges(trx, id, changes) : null;
      });
    },

    /** Which of `userIds` are active users of the organization: the server kit's check of the people a record names. */
    async activeUserIds(orgId: string, userIds: readonly string[]): Promise<string[]> {
      if (userIds.length === 0) return [];
      const rows = await db
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', orgId)
        .where('active', '=', true)
        .where('id', 'in', [...userIds])
        .execute();
      return rows.map((row) => row.id);
    },
  };
}

export type UserDirectory = ReturnType<typeof createUserDirectory>;
