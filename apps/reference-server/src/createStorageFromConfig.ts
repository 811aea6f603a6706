import { join } from 'node:path';
import { createPgliteStorage, createPostgresStorage, type Storage } from '@masetra/server-kit';
import type { ServerConfig } from './config';

/**
 * PostgreSQL when `DATABASE_URL` says so (migrated as `DATABASE_MIGRATION_URL`'s role when
 * given, so the server's own role owns nothing); otherwise the embedded PGlite in the data directory.
 */
export function createStorageFromConfig(
  config: Pick<ServerConfig, 'databaseUrl' | 'databaseMigrationUrl' | 'dataDir'>,
): Storage {
  return config.databaseUrl
    ? createPostgresStorage({
        connectionString: config.databaseUrl,
        migrationConnectionString: config.databaseMigrationUrl,
      })
    : createPgliteStorage({ dataDir: join(config.dataDir, 'pglite') });
}
