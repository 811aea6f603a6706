import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { grantRuntimeRole } from './grantRuntimeRole';
import { migrateStorage } from './migrateStorage';
import type { Storage } from './storage';

export interface PostgresStorageOptions {
  /** `postgres://user:password@host:5432/database`: the role the server runs as. */
  connectionString: string;
  /**
   * The schema owner's connection, used only to migrate. When it names another role than
   * `connectionString`, the server's role is granted INSERT and SELECT alone on the trail,
   * signatures, attachments and comments, and owns no table, so it cannot disable the
   * append-only triggers. Left out, one role does both (the embedded default's way).
   */
  migrationConnectionString?: string;
  /** Schema the tables live in (created by `migrate` if missing); `public` when left out. */
  schema?: string;
  /** Most connections the pool opens; 10 when left out. */
  max?: number;
  /** Errors of idle pooled connections (a server restart); without a listener they would crash the process. */
  onPoolError?: (error: Error) => void;
}

function connect(connectionString: string, schema: string, options: PostgresStorageOptions, max: number) {
  const pool = new pg.Pool({
    connectionString,
    max,
    // Every connection resolves unqualified names in the schema, so one SQL text serves all.
    options: `-c search_path=${schema}`,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function currentRole(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ role: string }>`SELECT current_user AS role`.execute(db);
  return rows[0]!.role;
}

/**
 * Storage on a PostgreSQL server through a `pg` pool. Several processes may share one
 * database: numbering, the audit chain, the outbox and idempotency keys lock what they need.
 *
 * @example
 * const storage = createPostgresStorage({
 *   connectionString: process.env.DATABASE_URL, // a role that owns nothing
 *   migrationConnectionString: process.env.DATABASE_MIGRATION_URL, // the schema's owner
 * });
 * await storage.migrate(builtInRegistry);
 */
export function createPostgresStorage(options: PostgresStorageOptions): Storage {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`Schema name ${schema} is not a plain identifier`);
  const db = connect(options.connectionString, schema, options, options.max ?? 10);
  const migrationUrl = options.migrationConnectionString;
  return {
    db,
    driver: 'postgres',
    async migrate(registry, migrateOptions) {
      if (!migrationUrl || migrationUrl === options.connectionString) {
        return migrateStorage(db as Kysely<unknown>, registry, schema, migrateOptions);
      }
      const owner = connect(migrationUrl, schema, options, 2);
      try {
        await migrateStorage(owner as Kysely<unknown>, registry, schema, migrateOptions);
        const [ownerRole, runtimeRole] = await Promise.all([currentRole(owner), currentRole(db)]);
        if (ownerRole !== runtimeRole) await grantRuntimeRole(owner as Kysely<unknown>, runtimeRole, schema);
      } finally {
        await owner.destroy();
      }
    },
    close: () => db.destroy(),
  };
}
