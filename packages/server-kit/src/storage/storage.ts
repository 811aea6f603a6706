import type { RecordTypeRegistry } from '@masetra/core';
import type { Kysely } from 'kysely';
import type { Database } from './database';

/** A migrated-or-migratable Masetra database on one of the two drivers. */
export interface Storage {
  readonly db: Kysely<Database>;
  readonly driver: 'pglite' | 'postgres';
  /**
   * Brings the schema up to date: the versioned migrations, then one table per record type
   * of the registry. Additive and idempotent, so every process can run it at start.
   */
  migrate(registry: RecordTypeRegistry): Promise<void>;
  close(): Promise<void>;
}
