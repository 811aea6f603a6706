/**
 * The database a previous release wrote (test/fixtures/<tag>/, made by
 * scripts/fixtures/makeUpgradeFixture.mjs from that tag's own reference server), opened as a
 * Storage on the driver the suite runs on, not yet migrated by the current code.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createPgliteStorage, createPostgresStorage, type Storage } from '@masetra/server-kit';
import { sql } from 'kysely';

export interface FixtureRecord {
  collection: string;
  id: string;
  number: string;
  state: string;
  version: number;
}

export interface FixtureOrganization {
  key: string;
  orgId: string;
  /** The QA user, who may read every record and review, export and verify the trail. */
  qaEmail: string;
  /** The chain head as the old release's `GET /audit-trail/verify` reported it. */
  chainHead: { seq: number; hash: string };
  /** The old release's `GET /audit-trail/export.csv`, taken before the upgrade. */
  auditTrailExport: string;
  recordCounts: Record<string, number>;
  records: FixtureRecord[];
}

export interface UpgradeFixture {
  tag: string;
  commit: string;
  madeAt: string;
  demoPassword: string;
  files: { pgliteDataDir: string; sqlDump: string };
  auditEntries: number;
  organizations: FixtureOrganization[];
}

const fixturesDirectory = join(import.meta.dirname ?? '', '..', 'test', 'fixtures');

export async function readUpgradeFixture(tag: string): Promise<UpgradeFixture & { directory: string }> {
  const directory = join(fixturesDirectory, tag);
  const manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as UpgradeFixture;
  return { ...manifest, directory };
}

export function readFixtureFile(fixture: { directory: string }, name: string): Promise<string> {
  return readFile(join(fixture.directory, name), 'utf8');
}

/** The old data directory image, as the embedded default would find it on disk. */
async function pgliteStorage(fixture: UpgradeFixture & { directory: string }): Promise<Storage> {
  const image = brotliDecompressSync(await readFile(join(fixture.directory, fixture.files.pgliteDataDir)));
  return createPgliteStorage({ loadDataDir: new Blob([image]) });
}

/**
 * A PGlite data directory cannot be restored into a PostgreSQL server, so on PostgreSQL the
 * fixture's SQL form is loaded: pg_dump's plain output of that same data directory. pg_dump
 * names every object `public.…`, so it is restored as pg_dump output is, into a database of
 * its own (created here, dropped on close) rather than into a test schema.
 */
async function postgresStorage(
  fixture: UpgradeFixture & { directory: string },
  databaseUrl: string,
): Promise<Storage> {
  const name = `upgrade_${fixture.tag.replace(/\W/g, '_')}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const admin = createPostgresStorage({ connectionString: databaseUrl, max: 1 });
  const dropDatabase = async () => {
    try {
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
    } finally {
      await admin.close();
    }
  };
  try {
    await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
    const dump = gunzipSync(await readFile(join(fixture.directory, fixture.files.sqlDump))).toString('utf8');
    // The dump empties its session's search_path, so it loads on a connection of its own.
    const loader = createPostgresStorage({ connectionString: url.href, max: 1 });
    try {
      await sql.raw(dump).execute(loader.db);
    } finally {
      await loader.close();
    }
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  const storage = createPostgresStorage({ connectionString: url.href, max: 10 });
  return {
    ...storage,
    async close() {
      try {
        await storage.close();
      } finally {
        await dropDatabase();
      }
    },
  };
}

/** PGlite, or PostgreSQL when TEST_DATABASE_URL is set, as the rest of the suite chooses. */
export function openUpgradeFixture(fixture: UpgradeFixture & { directory: string }): Promise<Storage> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  return databaseUrl ? postgresStorage(fixture, databaseUrl) : pgliteStorage(fixture);
}
