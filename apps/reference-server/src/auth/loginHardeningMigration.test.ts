/**
 * Migration 0004_login_hardening on an auth schema from before it: a temporary password an
 * administrator chose (and so knows) stops working, with a security event each; a password the
 * user chose, and one already revoked for a reset link, are left as they are.
 */
import { createRegistry } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage } from '../../../../packages/server-kit/src/testing';
import { hashPassword, verifyPassword } from './internal/passwordHashing';
import { REVOKED_PASSWORD_HASH } from './internal/revokedPassword';
import { migrateAuth } from './migrateAuth';

type Storage = Awaited<ReturnType<typeof createTestStorage>>;
let storage: Storage;
beforeAll(async () => {
  storage = await createTestStorage({ registry: createRegistry({}) });
  await migrateAuth(storage.db);
});
afterAll(() => storage.close());

type Tables = {
  auth_credentials: {
    user_id: string;
    password_hash: string;
    password_changed_at: Date;
    password_history: string;
    must_change_password: boolean;
  };
  auth_migrations: { name: string };
  auth_security_events: { type: string; user_id: string | null; details: unknown };
};

const LIGHT = { memoryCost: 64, timeCost: 1, parallelism: 1 };

describe('0004_login_hardening', () => {
  it('revokes administrator-set temporary passwords and reports each', async () => {
    const db = storage.db.withTables<Tables>();
    await db.insertInto('organizations').values({ id: 'org-m', name: 'Migration Org' }).execute();
    const people = [
      { id: 'temp-user', mustChange: true, hash: await hashPassword('Admin-typed-this-1', LIGHT) },
      { id: 'own-user', mustChange: false, hash: await hashPassword('My-own-password-1', LIGHT) },
      { id: 'reset-user', mustChange: true, hash: REVOKED_PASSWORD_HASH },
    ];
    for (const person of people) {
      await db
        .insertInto('users')
        .values({
          id: person.id,
          org_id: 'org-m',
          email: `${person.id}@example.com`,
          display_name: person.id,
        })
        .execute();
      await db
        .insertInto('auth_credentials')
        .values({
          user_id: person.id,
          password_hash: person.hash,
          password_changed_at: new Date(),
          password_history: '[]',
          must_change_password: person.mustChange,
        })
        .execute();
    }
    // As a database from before the migration: it has not run yet.
    await storage.db.schema.dropTable('auth_login_throttle').execute();
    await db.deleteFrom('auth_migrations').where('name', '=', '0004_login_hardening').execute();

    await migrateAuth(storage.db);

    const hashes = Object.fromEntries(
      (await db.selectFrom('auth_credentials').select(['user_id', 'password_hash']).execute()).map((row) => [
        row.user_id,
        row.password_hash,
      ]),
    );
    expect(hashes['temp-user']).toBe(REVOKED_PASSWORD_HASH);
    expect(await verifyPassword(hashes['temp-user']!, 'Admin-typed-this-1')).toBe(false);
    expect(await verifyPassword(hashes['own-user']!, 'My-own-password-1')).toBe(true);
    expect(hashes['reset-user']).toBe(REVOKED_PASSWORD_HASH);

    const events = await db
      .selectFrom('auth_security_events')
      .select(['type', 'user_id', 'details'])
      .where('type', '=', 'password.revoked')
      .execute();
    expect(events).toMatchObject([
      { type: 'password.revoked', user_id: 'temp-user', details: { actorId: 'system' } },
    ]);
    const tables = (await storage.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toContain('auth_login_throttle');
  });
});
