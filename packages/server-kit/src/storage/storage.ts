import type { RecordTypeRegistry } from '@masetra/core';
import type { Kysely } from 'kysely';
import type { Database } from './database';

export interface MigrateOptions {
  /** The host's own migrations (say, its auth tables), run as the owner after the kit's. */
  hostMigrations?: (owner: Kysely<unknown>) => Promise<void>;
}

/** A migrated-or-migratable Masetra database on one of the two drivers. */
export interface Storage {
  readonly db: Kysely<Database>;
  readonly driver: 'pglite' | 'postgres';
  /**
   * Brings the schema up to date: the versioned migrations, then one table per record type
   * of the registry, then the host's own migrations. Additive and idempotent, so every process
   * can run it at start. Runs as the schema's owner; where the server runs as another role
   * (`migrationConnectionString`), that role is then granted what it needs and no more.
   */
  migrate(registry: RecordTypeRegistry, options?: MigrateOptions): Promise<void>;
  close(): Promise<void>;
}
