import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { migrateStorage } from './migrateStorage';
import type { Storage } from './storage';

export interface PostgresStorageOptions {
  /** `postgres://user:password@host:5432/database` */
  connectionString: string;
  /** Schema the tables live in (created by `migrate` if missing); `public` when left out. */
  schema?: string;
  /** Most connections the pool opens; 10 when left out. */
  max?: number;
  /** Errors of idle pooled connections (a server restart); without a listener they would crash the process. */
  onPoolError?: (error: Error) => void;
}

/**
 * Storage on a PostgreSQL server through a `pg` pool. Several processes may share one
 * database: numbering, the audit chain, the outbox and idempotency keys lock what they need.
 *
 * @example
 * const storage = createPostgresStorage({ connectionString: process.env.DATABASE_URL });
 * await storage.migrate(builtInRegistry);
 */
export function createPostgresStorage(options: PostgresStorageOptions): Storage {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`Schema name ${schema} is not a plain identifier`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    // Every connection resolves unqualified names in the schema, so one SQL text serves all.
    options: `-c search_path=${schema}`,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    driver: 'postgres',
    migrate: (registry) => migrateStorage(db as Kysely<unknown>, registry, schema),
    close: () => db.destroy(),
  };
}
