import type { Kysely } from 'kysely';
import { authMigrations } from './internal/authMigrations';

/** The bookkeeping table, shaped as Kysely's Migrator shapes it, so a later switch to Migrator finds its history. */
interface AuthMigrationsDatabase {
  auth_migrations: { name: string; timestamp: string };
}

/**
 * Creates or updates the `auth_` tables; run it at start, after server-kit's migrations.
 * Idempotent and safe for several processes at once: each migration runs in a transaction that
 * first claims its row in `auth_migrations`; a second process blocks on that row until the
 * first commits, then finds it taken and skips the migration. Works on PGlite and PostgreSQL.
 *
 * @example
 * ```ts
 * await storage.migrate(registry);
 * await migrateAuth(storage.db);
 * ```
 */
export async function migrateAuth<DB>(db: Kysely<DB>): Promise<void> {
  // The module needs only its own tables; the host's Kysely is typed for its own schema.
  const migrationsDb = db as unknown as Kysely<AuthMigrationsDatabase>;
  const createBookkeeping = () =>
    migrationsDb.schema
      .createTable('auth_migrations')
      .ifNotExists()
      .addColumn('name', 'varchar(255)', (col) => col.primaryKey())
      .addColumn('timestamp', 'varchar(255)', (col) => col.notNull())
      .execute();
  // PostgreSQL's IF NOT EXISTS can still lose a race between two first starts; the loser's retry
  // then finds the table.
  await createBookkeeping().catch(createBookkeeping);
  for (const migration of authMigrations) {
    await migrationsDb.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('auth_migrations')
        .values({ name: migration.name, timestamp: new Date().toISOString() })
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('name')
        .executeTakeFirst();
      if (claimed) await migration.up(trx as unknown as Kysely<unknown>);
    });
  }
}
