import { createRegistry } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage } from '../../../../packages/server-kit/src/testing';
import { migrateAuth } from './migrateAuth';

type Storage = Awaited<ReturnType<typeof createTestStorage>>;
let storage: Storage;
beforeAll(async () => {
  storage = await createTestStorage({ registry: createRegistry({}) });
});
afterAll(() => storage.close());

describe('migrateAuth', () => {
  it('creates the auth_ tables after server-kit’s, and may run again and again', async () => {
    // Several processes starting at once (on PostgreSQL, truly concurrent connections).
    await Promise.all([migrateAuth(storage.db), migrateAuth(storage.db), migrateAuth(storage.db)]);
    await migrateAuth(storage.db);

    const tables = (await storage.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'auth_credentials',
        'auth_sessions',
        'auth_refresh_tokens',
        'auth_security_events',
        'auth_setup_tokens',
        'auth_migrations',
      ]),
    );
    const applied = await storage.db
      .withTables<{ auth_migrations: { name: string; timestamp: string } }>()
      .selectFrom('auth_migrations')
      .select('name')
      .orderBy('name')
      .execute();
    expect(applied).toEqual([
      { name: '0001_auth_tables' },
      { name: '0002_auth_setup_tokens' },
      { name: '0003_dev_mailbox' },
      { name: '0004_login_hardening' },
      { name: '0005_account_sessions_mfa' },
      { name: '0006_sso' },
      { name: '0007_user_locale' },
    ]);
  });

  it('ties credentials to server-kit’s users', async () => {
    await migrateAuth(storage.db);
    const credentials = storage.db.withTables<{
      auth_credentials: {
        user_id: string;
        password_hash: string;
        password_changed_at: Date;
        password_history: string;
        must_change_password: boolean;
      };
    }>();
    await expect(
      credentials
        .insertInto('auth_credentials')
        .values({
          user_id: 'no-such-user',
          password_hash: 'x',
          password_changed_at: new Date(),
          password_history: '[]',
          must_change_password: false,
        })
        .execute(),
    ).rejects.toThrow(/foreign key/);
  });
});
