/**
 * Each fault test's own database and server processes, and their cleanup: whatever a test
 * started is stopped in `afterAll`, also when the test failed half-way.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { dropDatabase, ownDatabaseName } from '../../bench/lib/postgres.mjs';
import { type ServerProcess, startReferenceServer } from '../../bench/lib/referenceServerProcess.mjs';
import { copyPgliteTemplate, copyPostgresTemplate } from '../../bench/lib/seededData.mjs';
import { DATABASE_PREFIX } from './faultsContext';

export type Backend = 'pglite' | 'postgres';

export interface FaultDatabase {
  backend: Backend;
  /** MASETRA_DATA_DIR: PGlite's files (on PGlite) and attachments. */
  dataDir: string;
  /** DATABASE_URL, on PostgreSQL. */
  databaseUrl?: string;
}

const context = inject('faults');

/** Whether the PostgreSQL fault tests can run (TEST_DATABASE_URL set). */
export const postgresAvailable = context.postgres !== null;

/** The backend tests use unless they name one: PostgreSQL with TEST_DATABASE_URL (as in CI), else PGlite. */
export const defaultBackend: Backend = postgresAvailable ? 'postgres' : 'pglite';

/** A title suffix that says why a PostgreSQL test did not run. */
export const postgresSkipNote = postgresAvailable
  ? ''
  : ' [skipped: TEST_DATABASE_URL is not set; set it to postgres://postgres@127.0.0.1:5432/test to run]';

/** Registers the cleanup of everything the returned functions create. */
export function faultEnvironment() {
  const servers: ServerProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.kill()));
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  return {
    /** A fresh copy of the seeded data on `backend`. */
    async database(backend: Backend, label: string): Promise<FaultDatabase> {
      const unique = `${label}_${randomUUID().slice(0, 8)}`;
      const dataDir = join(context.workDir, unique);
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      if (backend === 'pglite') {
        await copyPgliteTemplate(context.pgliteTemplate, dataDir);
        return { backend, dataDir };
      }
      if (!context.postgres) throw new Error('TEST_DATABASE_URL is not set');
      const { baseUrl, template } = context.postgres;
      const name = ownDatabaseName(DATABASE_PREFIX, unique, context.runId);
      await mkdir(dataDir, { recursive: true });
      cleanups.push(() => dropDatabase(baseUrl, name));
      return { backend, dataDir, databaseUrl: await copyPostgresTemplate(baseUrl, template, name) };
    },

    /** A reference server on `database`, as `node apps/reference-server/dist/main.js` runs it. */
    async start(database: FaultDatabase, name = 'server'): Promise<ServerProcess> {
      const server = await startReferenceServer({
        dataDir: database.dataDir,
        databaseUrl: database.databaseUrl,
        jwtSecret: context.jwtSecret,
        logFile: join(database.dataDir, `${name}.log`),
      });
      servers.push(server);
      return server;
    },
  };
}
