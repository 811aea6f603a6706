import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import type { Database } from './database';
import { migrateStorage } from './migrateStorage';
import type { Storage } from './storage';

export interface PgliteStorageOptions {
  /** Where PGlite keeps its files; in memory when left out. */
  dataDir?: string;
  /**
   * A data directory image (from PGlite's `dumpDataDir`) to start from instead of an empty
   * cluster; the test helper uses one to skip initdb.
   */
  loadDataDir?: Blob;
}

/**
 * Storage on embedded PostgreSQL (PGlite): no server to run. PGlite has one connection, so
 * Kysely's PGlite dialect runs one transaction at a time and queries wait their turn.
 *
 * @example
 * const storage = createPgliteStorage({ dataDir: '.data/qms' });
 * await storage.migrate(builtInRegistry);
 */
export function createPgliteStorage(options: PgliteStorageOptions = {}): Storage {
  // The options-object form: with a positional undefined dataDir, PGlite ignores the options.
  const pglite = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    driver: 'pglite',
    migrate: (registry, migrateOptions) =>
      migrateStorage(db as Kysely<unknown>, registry, 'public', migrateOptions),
    async close() {
      await db.destroy();
      // Kysely closes PGlite only if it ever opened a connection.
      if (!pglite.closed) await pglite.close();
    },
  };
}
