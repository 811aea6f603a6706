/**
 * A real deployment's first organization: `masetra create-org` makes it and its administrator,
 * who has no password until they choose one with the printed single-use link.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import { CommandError, createOrganizationCommand, setupLinkCommand } from './createOrganizationCommand';

let server: RunningReferenceServer;
let context: Parameters<typeof createOrganizationCommand>[0];
beforeAll(async () => {
  server = await startReferenceServer({ seed: false });
  context = { storage: server.storage, jwtSecret: randomBytes(32), publicUrl: server.origin };
}, 120_000);
afterAll(() => server.close());

function tokenIn(output: string): string {
  const escaped = server.origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^  ${escaped}/setup#token=([A-Za-z0-9_-]{43})$`, 'm').exec(output);
  if (!match?.[1]) throw new Error(`no set-up link in:\n${output}`);
  return match[1];
}

async function setUp(token: string, newPassword: string) {
  const response = await fetch(`${server.apiUrl}/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, newPassword }),
  });
  return { status: response.status, json: await response.json() };
}

async function login(email: string, password: string) {
  const response = await fetch(`${server.apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, json: await response.json() };
}

describe('masetra create-org', () => {
  let output: string;
  let adminId: string;

  it('starts from a database without any user (no demo seed)', async () => {
    const users = await server.storage.db.selectFrom('users').select('id').execute();
    expect(users).toEqual([]);
  });

  it('creates the organization and its administrator, and prints a set-up link, not a password', async () => {
    output = await createOrganizationCommand(context, {
      name: 'Acme Pharma',
      adminEmail: 'QA-Admin@acme.example',
    });
    expect(output).toContain(
      'Created the organization "Acme Pharma" and its administrator qa-admin@acme.example.',
    );
    tokenIn(output);
    const admin = await server.users.findUserByEmail('qa-admin@acme.example');
    expect(admin).toMatchObject({ roles: ['admin'], active: true, displayName: 'qa-admin' });
    adminId = admin?.id as string;
    // No password exists to print: the administrator has no credentials until they set one up.
    expect(await server.auth.getUser(adminId)).toBeNull();
  });

  it('serves the page the link opens', async () => {
    const page = await fetch(`${server.origin}/setup`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Set up your Masetra account');
    expect((await fetch(`${server.origin}/setup/setup.js`)).status).toBe(200);
  });

  it('lets the link set the password once, and signs the administrator in', async () => {
    const token = tokenIn(output);
    const first = await setUp(token, 'Chosen-by-me-2026');
    expect(first.status).toBe(200);
    expect(first.json.user).toMatchObject({
      email: 'qa-admin@acme.example',
      roles: ['admin'],
      orgName: 'Acme Pharma',
    });

    const again = await setUp(token, 'Someone-else-2026');
    expect(again.status).toBe(401);
    expect(again.json.code).toBe('setup_link_invalid');
    expect((await login('qa-admin@acme.example', 'Someone-else-2026')).status).toBe(401);
    expect((await login('qa-admin@acme.example', 'Chosen-by-me-2026')).status).toBe(200);
  });

  it('writes the organization’s first trail entries: who created whom, the link, the set-up; the chain verifies', async () => {
    const { json: session } = await login('qa-admin@acme.example', 'Chosen-by-me-2026');
    const get = async (path: string) =>
      (
        await fetch(`${server.apiUrl}${path}`, {
          headers: { authorization: `Bearer ${session.accessToken}` },
        })
      ).json();
    const trail = await get(`/audit-trail?recordType=user&recordId=${adminId}`);
    expect(
      trail.items.map((entry: Record<string, unknown>) => [entry.action, entry.actorId, entry.actorName]),
    ).toEqual([
      ['create', 'system', 'Masetra command line'],
      ['setup_link_issued', 'system', 'Masetra command line'],
      ['account_setup', adminId, 'qa-admin'],
    ]);
    expect(trail.items[0]).toMatchObject({
      reason: 'First administrator of Acme Pharma',
      source: { client: 'masetra command line' },
      changes: expect.arrayContaining([{ field: 'roles', new: ['admin'] }]),
    });
    expect(await get('/audit-trail/verify')).toMatchObject({ ok: true, entries: 3 });
  });

  it('refuses a second organization of the same name, or an administrator e-mail in use', async () => {
    await expect(
      createOrganizationCommand(context, { name: 'Acme Pharma', adminEmail: 'other@acme.example' }),
    ).rejects.toThrow(CommandError);
    await expect(
      createOrganizationCommand(context, { name: 'Acme Labs', adminEmail: 'qa-admin@acme.example' }),
    ).rejects.toThrow('exists');
    await expect(
      createOrganizationCommand(context, { name: 'Acme Labs', adminEmail: 'not-an-e-mail' }),
    ).rejects.toThrow('--admin-email is not valid.');
  });
});

describe('masetra setup-link', () => {
  it('issues a new link; the earlier unused one stops working', async () => {
    const created = await createOrganizationCommand(context, {
      name: 'Globex Labs',
      adminEmail: 'admin@globex.example',
      adminName: 'Greta Hoffmann',
    });
    const reissued = await setupLinkCommand(context, { email: 'admin@globex.example' });
    expect((await setUp(tokenIn(created), 'Greta-chooses-2026')).status).toBe(401);
    expect((await setUp(tokenIn(reissued), 'Greta-chooses-2026')).status).toBe(200);
  });
});
