import { join } from 'node:path';
import { createPgliteStorage, createPostgresStorage, type Storage } from '@masetra/server-kit';
import type { ServerConfig } from './config';

/** PostgreSQL when `DATABASE_URL` says so; otherwise the embedded PGlite in the data directory. */
export function createStorageFromConfig(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Storage {
  return config.databaseUrl
    ? createPostgresStorage({ connectionString: config.databaseUrl })
    : createPgliteStorage({ dataDir: join(config.dataDir, 'pglite') });
}
