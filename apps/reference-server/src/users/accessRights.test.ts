/**
 * Every change of someone's access leaves an entry in the organization's hash-chained trail
 * (who, whom, old and new value, why) and a security event; an administrator cannot change
 * their own roles, and grants approval or administration only with a reason. Records name
 * only active users of the caller's organization.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthTables } from '../auth';
import { DEMO_PASSWORD } from '../seed/demoUsers';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';

let server: RunningReferenceServer;
let admin: { accessToken: string; user: { id: string } };
beforeAll(async () => {
  server = await startReferenceServer();
  admin = await login('admin@acme.example');
}, 120_000);
afterAll(() => server.close());

async function login(email: string, password = DEMO_PASSWORD) {
  const response = await fetch(`${server.apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  return response.json();
}

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${server.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'x-masetra-source': 'access-rights-test',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const asAdmin = (method: string, path: string, body?: unknown) => call(method, path, admin.accessToken, body);

/** The user's entries in the trail, oldest first, as an auditor reads them. */
async function trailOf(userId: string) {
  const page = await asAdmin('GET', `/audit-trail?recordType=user&recordId=${userId}&limit=100`);
  expect(page.status).toBe(200);
  return page.json.items as {
    action: string;
    actorId: string;
    actorName: string;
    recordNumber: string;
    changes: { field: string; old?: unknown; new?: unknown }[];
    reason: string | null;
    source: Record<string, unknown> | null;
  }[];
}

async function securityEventsOf(userId: string) {
  const rows = await server.storage.db
    .withTables<AuthTables>()
    .selectFrom('auth_security_events')
    .select(['type', 'details'])
    .where('user_id', '=', userId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return rows.map(
    (row) => ({ type: row.type, ...row.details }) as { type: string } & Record<string, unknown>,
  );
}

let userId: string;

describe('access-rights changes in the audit trail', () => {
  it('records the creation of a user with every initial value and their invitation link, and reports it', async () => {
    const created = await asAdmin('POST', '/users', {
      email: 'nina.new@acme.example',
      displayName: 'Nina New',
      roles: ['viewer'],
    });
    expect(created.status).toBe(201);
    userId = created.json.id;
    expect(await trailOf(userId)).toEqual([
      expect.objectContaining({
        action: 'create',
        actorId: admin.user.id,
        actorName: 'Alex Admin',
        recordNumber: 'nina.new@acme.example',
        changes: [
          { field: 'email', new: 'nina.new@acme.example' },
          { field: 'displayName', new: 'Nina New' },
          { field: 'roles', new: ['viewer'] },
          { field: 'active', new: true },
        ],
        source: expect.objectContaining({ client: 'access-rights-test' }),
      }),
      expect.objectContaining({
        action: 'setup_link_issued',
        actorId: admin.user.id,
        changes: [{ field: 'setupLinkExpiresAt', new: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }],
      }),
    ]);
    // Both at about the same instant: which is stored first is not the point.
    const events = await securityEventsOf(userId);
    expect(events).toHaveLength(2);
    expect(events).toEqual(
      expect.arrayContaining([
        { type: 'setup_link.issued', actorId: admin.user.id, expiresAt: expect.any(String) },
        { type: 'user.created', actorId: admin.user.id, roles: ['viewer'], reason: null },
      ]),
    );
  });

  it('needs a reason to grant qa_approver, and records the grant with old and new roles', async () => {
    const refused = await asAdmin('PATCH', `/users/${userId}`, { roles: ['viewer', 'qa_approver'] });
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('reason_required');
    expect(refused.json.errors).toEqual([{ pointer: '/reason', detail: expect.any(String) }]);
    expect(await trailOf(userId)).toHaveLength(2);

    const granted = await asAdmin('PATCH', `/users/${userId}`, {
      roles: ['viewer', 'qa_approver'],
      reason: 'Nina approves batch records from March (training QA-114 completed)',
    });
    expect(granted.status).toBe(200);
    expect(granted.json.roles).toEqual(['qa_approver', 'viewer']);
    expect((await trailOf(userId)).at(-1)).toMatchObject({
      action: 'update',
      changes: [{ field: 'roles', old: ['viewer'], new: ['qa_approver', 'viewer'] }],
      reason: 'Nina approves batch records from March (training QA-114 completed)',
    });
    expect((await securityEventsOf(userId)).at(-1)).toEqual({
      type: 'role.granted',
      actorId: admin.user.id,
      role: 'qa_approver',
      reason: 'Nina approves batch records from March (training QA-114 completed)',
    });
  });

  it('needs a reason to create a user with the admin role', async () => {
    const refused = await asAdmin('POST', '/users', {
      email: 'second.admin@acme.example',
      displayName: 'Second Admin',
      roles: ['admin'],
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0].pointer).toBe('/reason');
  });

  it('refuses an administrator who changes their own roles', async () => {
    const refused = await asAdmin('PATCH', `/users/${admin.user.id}`, { roles: ['admin', 'qa_approver'] });
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('own_roles');
    const stillAdmin = await asAdmin('GET', '/users');
    expect(stillAdmin.json.items.find((user: { id: string }) => user.id === admin.user.id).roles).toEqual([
      'admin',
    ]);
  });

  it('records a revocation and a rename (the printed name of future signatures)', async () => {
    const changed = await asAdmin('PATCH', `/users/${userId}`, {
      roles: ['viewer'],
      displayName: 'Nina Newman',
      reason: 'Name changed at marriage; approval ends with the project',
    });
    expect(changed.status).toBe(200);
    expect((await trailOf(userId)).at(-1)).toMatchObject({
      action: 'update',
      changes: [
        { field: 'displayName', old: 'Nina New', new: 'Nina Newman' },
        { field: 'roles', old: ['qa_approver', 'viewer'], new: ['viewer'] },
      ],
      reason: 'Name changed at marriage; approval ends with the project',
    });
    expect((await securityEventsOf(userId)).slice(-2)).toEqual([
      {
        type: 'role.revoked',
        actorId: admin.user.id,
        role: 'qa_approver',
        reason: 'Name changed at marriage; approval ends with the project',
      },
      {
        type: 'user.renamed',
        actorId: admin.user.id,
        from: 'Nina New',
        to: 'Nina Newman',
        reason: 'Name changed at marriage; approval ends with the project',
      },
    ]);
  });

  it('records a password reset and an authenticator reset, without any password or link in the trail', async () => {
    const reset = await asAdmin('POST', `/users/${userId}/password-reset`, { reason: 'Forgot the password' });
    expect(reset.status).toBe(200);
    const authenticator = await asAdmin('POST', `/users/${userId}/authenticator-reset`, {
      reason: 'Phone lost',
    });
    expect(authenticator.status).toBe(200);
    const trail = await trailOf(userId);
    expect(trail.slice(-2)).toMatchObject([
      {
        action: 'password_reset',
        changes: [
          { field: 'password', old: 'set', new: 'revoked' },
          { field: 'setupLinkExpiresAt', new: expect.any(String) },
        ],
        reason: 'Forgot the password',
      },
      {
        action: 'authenticator_reset',
        changes: [{ field: 'mfaEnrolled', old: false, new: false }],
        reason: 'Phone lost',
      },
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/token|#/);
    const events = (await securityEventsOf(userId)).slice(-3);
    // The reset's two events share an instant: which is stored first is not the point.
    expect(events.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { type: 'password.revoked', actorId: admin.user.id, reason: 'Forgot the password' },
        { type: 'setup_link.issued', actorId: admin.user.id, expiresAt: expect.any(String) },
      ]),
    );
    expect(events[2]).toEqual({ type: 'totp.reset', actorId: admin.user.id, reason: 'Phone lost' });
  });

  it('records deactivation and reactivation; deactivation ends the sessions at once', async () => {
    const { json: viewer } = { json: await login('viewer@acme.example') };
    const viewerId = viewer.user.id as string;
    expect((await call('GET', '/me', viewer.accessToken)).status).toBe(200);

    const deactivated = await asAdmin('PATCH', `/users/${viewerId}`, {
      active: false,
      reason: 'Left the company',
    });
    expect(deactivated.status).toBe(200);
    expect((await call('GET', '/me', viewer.accessToken)).status).toBe(401);
    const reactivated = await asAdmin('PATCH', `/users/${viewerId}`, { active: true, reason: 'Rehired' });
    expect(reactivated.status).toBe(200);

    expect(
      (await trailOf(viewerId)).map(({ action, changes, reason }) => ({ action, changes, reason })),
    ).toEqual([
      { action: 'update', changes: [{ field: 'active', old: true, new: false }], reason: 'Left the company' },
      { action: 'update', changes: [{ field: 'active', old: false, new: true }], reason: 'Rehired' },
    ]);
    const events = (await securityEventsOf(viewerId)).filter((event) => event.type.startsWith('user.'));
    expect(events).toEqual([
      { type: 'user.deactivated', actorId: admin.user.id, reason: 'Left the company' },
      { type: 'user.reactivated', actorId: admin.user.id, reason: 'Rehired' },
    ]);
  });

  it('keeps one chain per organization, which verifies with the access-rights entries in it', async () => {
    const verify = await asAdmin('GET', '/audit-trail/verify');
    expect(verify.json).toMatchObject({ ok: true });
    const users = (await asAdmin('GET', '/audit-trail?recordType=user&limit=100')).json.items;
    // Nina: create, invitation link, grant, revocation and rename, two resets; the viewer: two updates.
    expect(users).toHaveLength(8);
  });
});

describe('people a record names', () => {
  const deviation = (ownerId: string) => ({
    title: 'Door of cold room 3 left open',
    description: 'Found open at 06:10.',
    area: 'Warehouse',
    severity: 'minor',
    occurredAt: '2026-11-20T06:10:00.000Z',
    ownerId,
  });

  it("refuses another organization's user as owner", async () => {
    const { json: qa } = { json: await login('qa@acme.example') };
    const globexUser = (await login('qa@globex.example')).user.id;
    const refused = await call('POST', '/deviations', qa.accessToken, deviation(globexUser));
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([
      { pointer: '/ownerId', detail: 'Not an active user of this organization.' },
    ]);
  });

  it('refuses a deactivated user as owner, and takes an active one', async () => {
    const { json: qa } = { json: await login('qa@acme.example') };
    const auditor = await login('auditor@acme.example');
    await asAdmin('PATCH', `/users/${auditor.user.id}`, { active: false, reason: 'On leave' });
    const refused = await call('POST', '/deviations', qa.accessToken, deviation(auditor.user.id));
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0].pointer).toBe('/ownerId');

    const colleague = await login('investigator@acme.example');
    const created = await call('POST', '/deviations', qa.accessToken, deviation(colleague.user.id));
    expect(created.status).toBe(201);
    expect(created.json.ownerId).toBe(colleague.user.id);
  });
});
