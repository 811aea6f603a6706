import { builtInRegistry, type RecordTypeRegistry } from '@masetra/core';
import { sql } from 'kysely';
import { createPgliteStorage } from '../storage/createPgliteStorage';
import { createPostgresStorage } from '../storage/createPostgresStorage';
import type { Storage } from '../storage/storage';
import { pgliteTemplate } from './pgliteTemplate';

export interface TestStorageOptions {
  /** Record types to create tables for; the built-in registry when left out. */
  registry?: RecordTypeRegistry;
  /** PostgreSQL to use instead of PGlite; `process.env.TEST_DATABASE_URL` when left out. */
  databaseUrl?: string;
}

/**
 * A migrated Storage for one test file: in-memory PGlite, or, when `TEST_DATABASE_URL` is
 * set, a fresh schema on that server that `close()` drops, so test files run in parallel.
 *
 * @example
 * const storage = await createTestStorage();
 * afterAll(() => storage.close());
 */
export async function createTestStorage(options: TestStorageOptions = {}): Promise<Storage> {
  const registry = options.registry ?? builtInRegistry;
  const databaseUrl = options.databaseUrl ?? process.env.TEST_DATABASE_URL;
  if (!databaseUrl) {
    const storage = createPgliteStorage({ loadDataDir: await pgliteTemplate(registry) });
    // A no-op on a fresh template; completes one that lacks something additive.
    await storage.migrate(registry);
    return storage;
  }
  const schema = `test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
  const storage = createPostgresStorage({ connectionString: databaseUrl, schema, max: 25 });
  await storage.migrate(registry);
  return {
    ...storage,
    async close() {
      try {
        await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(storage.db);
      } finally {
        await storage.close();
      }
    },
  };
}
