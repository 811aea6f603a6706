/**
 * PART11 item 21 (no two users share a user id + password combination) and item 16 (a user id
 * is never reused): an e-mail is one person's, whatever its case or surrounding space, and the
 * database itself refuses a second row for it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed/demoUsers';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';

let server: RunningReferenceServer;
let adminToken: string;
beforeAll(async () => {
  server = await startReferenceServer();
  const response = await fetch(`${server.apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@acme.example', password: DEMO_PASSWORD }),
  });
  adminToken = (await response.json()).accessToken;
}, 120_000);
afterAll(() => server.close());

function createUser(email: string) {
  return fetch(`${server.apiUrl}/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, displayName: 'Second Quinn', roles: ['viewer'] }),
  });
}

describe('one e-mail, one person', () => {
  it.each(['qa@acme.example', 'QA@ACME.EXAMPLE', '  Qa@Acme.Example '])(
    'refuses a second user for %j, and creates nothing',
    async (email) => {
      const before = await server.storage.db
        .selectFrom('users')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      const response = await createUser(email);
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: 'email_taken' });
      const after = await server.storage.db
        .selectFrom('users')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    },
  );

  it('is kept by the database too: a second row for the same address in another case is refused', async () => {
    const existing = await server.storage.db
      .selectFrom('users')
      .select(['org_id'])
      .where('email', '=', 'qa@acme.example')
      .executeTakeFirstOrThrow();
    await expect(
      server.storage.db
        .insertInto('users')
        .values({
          id: 'another-id',
          org_id: existing.org_id,
          email: 'QA@acme.example',
          display_name: 'Impostor',
        })
        .execute(),
    ).rejects.toThrow();
    await expect(
      server.storage.db
        .insertInto('users')
        .values({
          id: 'another-id',
          org_id: existing.org_id,
          email: 'qa@acme.example',
          display_name: 'Impostor',
        })
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i);
  });
});
