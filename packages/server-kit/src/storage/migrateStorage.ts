import type { RecordTypeRegistry } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { ensureDocumentTable } from '../documents/ensureDocumentTable';
import { ensureRecordTable } from './ensureRecordTable';
import { migrations } from './migrations';
import type { MigrateOptions } from './storage';
import { syncDefaultRoles } from './syncDefaultRoles';

/**
 * The versioned migrations, then one table per record type and core's default roles. `schema`
 * must be the schema the connection's search_path puts first: the migrator looks for its own
 * table by schema.
 */
export async function migrateStorage(
  db: Kysely<unknown>,
  registry: RecordTypeRegistry,
  schema: string,
  options: MigrateOptions = {},
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
    migrationTableName: 'masetra_migration',
    migrationLockTableName: 'masetra_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  await db.transaction().execute(async (trx) => {
    // Two processes starting together would race on CREATE TABLE IF NOT EXISTS.
    await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.masetra_record_tables'))`.execute(
      trx,
    );
    for (const recordType of registry.list) await ensureRecordTable(trx, recordType);
    await ensureDocumentTable(trx, registry);
    await syncDefaultRoles(trx);
  });
  await options.hostMigrations?.(db);
}
