/**
 * The reference server run as README's "non-owner database role" says: migrations as the owner
 * (`DATABASE_MIGRATION_URL`), everything else as a role that owns nothing. The whole seed,
 * logins, signatures and the trail must work under it. PostgreSQL only.
 */
import { createPostgresStorage, type Storage } from '@masetra/server-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './seed/demoUsers';
import { type RunningReferenceServer, startReferenceServer } from './testing/startReferenceServer';

const ownerUrl = process.env.TEST_DATABASE_URL;
const suffix = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
const schema = `test_ref_role_${suffix}`;
const runtimeRole = `masetra_ref_${suffix}`;

describe.skipIf(!ownerUrl)('the reference server on a non-owner database role (PostgreSQL)', () => {
  let owner: Storage;
  let server: RunningReferenceServer;

  beforeAll(async () => {
    owner = createPostgresStorage({ connectionString: ownerUrl!, schema });
    await sql`CREATE ROLE ${sql.id(runtimeRole)} LOGIN`.execute(owner.db);
    const runtimeUrl = new URL(ownerUrl!);
    runtimeUrl.username = runtimeRole;
    const storage = createPostgresStorage({
      connectionString: runtimeUrl.toString(),
      migrationConnectionString: ownerUrl,
      schema,
    });
    server = await startReferenceServer({ storage });
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(owner.db);
    await sql`DROP OWNED BY ${sql.id(runtimeRole)}`.execute(owner.db);
    await sql`DROP ROLE IF EXISTS ${sql.id(runtimeRole)}`.execute(owner.db);
    await owner.close();
  });

  it('seeds, signs in and verifies the trail, while the role owns no table', async () => {
    const login = await fetch(`${server.apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'qa@acme.example', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const verify = await fetch(`${server.apiUrl}/audit-trail/verify`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(await verify.json()).toMatchObject({ ok: true, entries: expect.any(Number) });

    const { rows } = await sql<{ tables: number; owned: number }>`
      SELECT count(*)::int AS tables, count(*) FILTER (WHERE tableowner = ${runtimeRole})::int AS owned
      FROM pg_tables WHERE schemaname = ${schema}`.execute(owner.db);
    expect(rows[0]!.tables).toBeGreaterThan(10);
    expect(rows[0]!.owned).toBe(0);
  });
});
