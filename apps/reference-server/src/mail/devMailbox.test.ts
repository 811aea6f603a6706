/** The demo's dev mailbox: what would have been e-mailed, at `/mailbox`, only where asked for. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import { commandLineActor } from '../users/userTrail';

const PUBLIC_URL = 'http://localhost:3000';
let demo: RunningReferenceServer;
let plain: RunningReferenceServer;

beforeAll(async () => {
  [demo, plain] = await Promise.all([
    startReferenceServer({
      seed: false,
      mail: { publicUrl: PUBLIC_URL, from: 'Masetra <no-reply@localhost>', devMailbox: true },
    }),
    startReferenceServer({ seed: false }),
  ]);
}, 120_000);
afterAll(() => Promise.all([demo?.close(), plain?.close()]));

async function post(server: RunningReferenceServer, path: string, body: unknown, token?: string) {
  const response = await fetch(`${server.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe('the dev mailbox', () => {
  it('shows the invitations and resets the demo would have sent, newest first, with their links', async () => {
    const { token } = await demo.administration.createOrganization({
      name: 'Acme Pharma',
      adminEmail: 'admin@acme.example',
      adminName: 'Alex Admin',
      actor: commandLineActor,
      source: { client: 'dev-mailbox-test' },
    });
    const admin = (await post(demo, '/auth/setup', { token, newPassword: 'Admin-own-password-1' })).json;
    const created = await post(
      demo,
      '/users',
      { email: 'olivia@acme.example', displayName: 'Olivia <b>Martin</b>', roles: ['originator'] },
      admin.accessToken,
    );
    expect(created.status).toBe(201);
    await demo.runBackgroundWorkOnce();
    expect((await post(demo, `/users/${created.json.id}/password-reset`, {}, admin.accessToken)).status).toBe(
      200,
    );
    await demo.runBackgroundWorkOnce();

    const page = await fetch(`${demo.origin}/mailbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    const subjects = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((match) => match[1]);
    expect(subjects).toEqual(['Choose a new Masetra password', 'Your Masetra account at Acme Pharma']);
    const links = [...html.matchAll(/<a href="(http:\/\/localhost:3000\/setup#token=[\w-]+)">/g)].map(
      (match) => match[1],
    );
    expect(links).toHaveLength(2);
    // The user's name is text on the page, never markup.
    expect(html).toContain('Hello Olivia &lt;b&gt;Martin&lt;/b&gt;,');
    expect(html).not.toContain('<b>Martin</b>');

    // The reset's link sets the password; the invitation's was spent by the reset.
    const [resetLink, invitationLink] = links as [string, string];
    const tokenOf = (link: string) => link.slice(link.indexOf('token=') + 'token='.length);
    expect(
      (await post(demo, '/auth/setup', { token: tokenOf(invitationLink), newPassword: 'Olivia-pass-12' }))
        .status,
    ).toBe(401);
    expect(
      (await post(demo, '/auth/setup', { token: tokenOf(resetLink), newPassword: 'Olivia-pass-12' })).status,
    ).toBe(200);
  });

  it('does not exist on a server that was not asked for it', async () => {
    expect((await fetch(`${plain.origin}/mailbox`)).status).toBe(404);
  });
});
