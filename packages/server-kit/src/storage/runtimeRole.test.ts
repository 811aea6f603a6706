/**
 * Part 11 item 5, against whoever controls the server's own database role: the role the server
 * runs as owns nothing and may only add to the trail, signatures, attachments and comments, so
 * it can neither change evidence nor disable the triggers that refuse it. PostgreSQL only: PGlite
 * has one user.
 */
import { builtInRegistry } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import { createPostgresStorage } from './createPostgresStorage';
import type { Storage } from './storage';

const ownerUrl = process.env.TEST_DATABASE_URL;
const suffix = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
const schema = `test_role_${suffix}`;
const runtimeRole = `masetra_app_${suffix}`;

function asRole(url: string, role: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = '';
  return parsed.toString();
}

/** PostgreSQL's "insufficient privilege" or "must be owner" error, not the trigger's exception. */
async function refusedByPrivilege(run: () => Promise<unknown>) {
  const error = await run().then(
    () => null,
    (caught: { code?: string; message?: string }) => caught,
  );
  expect(error, 'the statement must be refused').not.toBeNull();
  expect(error?.code).toBe('42501');
}

describe.skipIf(!ownerUrl)('the run-time database role (PostgreSQL)', () => {
  let owner: Storage;
  let runtime: Storage;
  let hostTableCreatedAsOwner = false;

  beforeAll(async () => {
    owner = createPostgresStorage({ connectionString: ownerUrl!, schema });
    await sql`CREATE ROLE ${sql.id(runtimeRole)} LOGIN`.execute(owner.db);
    runtime = createPostgresStorage({
      connectionString: asRole(ownerUrl!, runtimeRole),
      migrationConnectionString: ownerUrl,
      schema,
    });
    await runtime.migrate(builtInRegistry, {
      hostMigrations: async (db: Kysely<unknown>) => {
        await sql`CREATE TABLE IF NOT EXISTS host_sessions (id text PRIMARY KEY)`.execute(db);
        const { rows } = await sql<{ owner: string }>`
          SELECT tableowner AS owner FROM pg_tables WHERE schemaname = ${schema} AND tablename = 'host_sessions'`.execute(
          db,
        );
        hostTableCreatedAsOwner = rows[0]?.owner !== runtimeRole;
      },
    });
    await runtime.db.transaction().execute(async (trx) => {
      await appendAuditEntry(trx, {
        orgId: 'org-a',
        actorId: 'u1',
        actorName: 'Ada Quality',
        action: 'create',
        recordType: 'deviation',
        recordId: uuidv7(),
        changes: [{ field: 'title', new: 'Temperature excursion' }],
      });
    });
  });

  afterAll(async () => {
    await runtime?.close();
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(owner.db);
    await sql`DROP ROLE IF EXISTS ${sql.id(runtimeRole)}`.execute(owner.db);
    await owner.close();
  });

  it('migrates as the owner: the run-time role owns no table, the host’s included', async () => {
    const { rows } = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = ${schema} AND tableowner = ${runtimeRole}`.execute(
      owner.db,
    );
    expect(rows[0]!.count).toBe(0);
    expect(hostTableCreatedAsOwner).toBe(true);
  });

  it('lets the run-time role append to the trail and read it back', async () => {
    const entries = await runtime.db.selectFrom('audit_trail').select(['actor_name', 'seq']).execute();
    expect(entries).toEqual([{ actor_name: 'Ada Quality', seq: expect.anything() }]);
    await runtime.db.insertInto('organizations').values({ id: 'org-a', name: 'Org A' }).execute();
    await runtime.db.updateTable('organizations').set({ name: 'Org A, renamed' }).execute();
  });

  it.each(['audit_trail', 'signatures', 'attachments', 'comments'])(
    'refuses UPDATE, DELETE and TRUNCATE on %s by privilege, before any trigger',
    async (table) => {
      await refusedByPrivilege(() => sql`UPDATE ${sql.id(table)} SET org_id = org_id`.execute(runtime.db));
      await refusedByPrivilege(() => sql`DELETE FROM ${sql.id(table)}`.execute(runtime.db));
      await refusedByPrivilege(() => sql`TRUNCATE ${sql.id(table)}`.execute(runtime.db));
    },
  );

  it('cannot disable the append-only triggers or drop the trail', async () => {
    await refusedByPrivilege(() => sql`ALTER TABLE audit_trail DISABLE TRIGGER ALL`.execute(runtime.db));
    await refusedByPrivilege(() =>
      sql`DROP TRIGGER audit_trail_append_only ON audit_trail`.execute(runtime.db),
    );
    await refusedByPrivilege(() => sql`DROP TABLE audit_trail`.execute(runtime.db));
  });

  it('can migrate again at the next start (idempotent grants)', async () => {
    await runtime.migrate(builtInRegistry);
    const entries = await runtime.db.selectFrom('audit_trail').select('seq').execute();
    expect(entries).toHaveLength(1);
  });
});
