/**
 * Issue #12, login hardening, over HTTP against a listening reference server (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL): a locked account answers as a wrong password and its owner
 * is e-mailed; one address's guesses do not lock the owner out of theirs (PART11 24); the
 * account's state is told only after both factors; an administrator-set password opens nothing;
 * another organization's address is not revealed when creating a user (PART11 21).
 */
import { sql } from 'kysely';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDevMailbox } from '../mail/devMailbox';
import { DEMO_PASSWORD } from '../seed/demoUsers';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';

let server: RunningReferenceServer;
let adminToken: string;

beforeAll(async () => {
  server = await startReferenceServer({
    mail: {
      publicUrl: 'https://qms.acme.example',
      from: 'Masetra <no-reply@qms.acme.example>',
      devMailbox: true,
    },
    // As behind a load balancer on this machine: X-Forwarded-For names the client.
    server: { trustProxy: 'loopback' },
  });
  adminToken = (
    await (await post('/auth/login', { email: 'admin@acme.example', password: DEMO_PASSWORD })).json()
  ).accessToken;
}, 120_000);
afterAll(() => server.close());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const from = (address: string) => ({ 'x-forwarded-for': address });

async function userId(email: string): Promise<string> {
  const row = await server.storage.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function mailTo(email: string) {
  await server.runBackgroundWorkOnce();
  return (await readDevMailbox(server.storage.db)).filter((mail) => mail.to === email);
}

describe('a locked account (PART11 24)', () => {
  it('answers exactly as a wrong password, lets the owner in from their own address, and e-mails them', async () => {
    const attacker = '203.0.113.50';
    const wrongAnswers = [];
    for (let i = 0; i < 5; i++) {
      const response = await post(
        '/auth/login',
        { email: 'qa@acme.example', password: 'guess number one' },
        from(attacker),
      );
      wrongAnswers.push({ status: response.status, body: await response.json() });
    }
    const unknown = await post(
      '/auth/login',
      { email: 'nobody@acme.example', password: 'guess number one' },
      from(attacker),
    );
    const unknownAnswer = { status: unknown.status, body: await unknown.json() };
    expect(unknownAnswer).toMatchObject({ status: 401, body: { code: 'invalid_credentials' } });
    for (const answer of wrongAnswers) expect(answer).toEqual(unknownAnswer);

    // Now locked for that address: the right password gets the same answer, not 423.
    const locked = await post(
      '/auth/login',
      { email: 'qa@acme.example', password: DEMO_PASSWORD },
      from(attacker),
    );
    expect({ status: locked.status, body: await locked.json() }).toEqual(unknownAnswer);

    // The approver is not kept out: from their own address they sign in.
    const owner = await post(
      '/auth/login',
      { email: 'qa@acme.example', password: DEMO_PASSWORD },
      from('198.51.100.20'),
    );
    expect(owner.status).toBe(200);

    const qaId = await userId('qa@acme.example');
    const events = await server.storage.db
      .selectFrom('auth_security_events' as never)
      .select(['type' as never, 'details' as never])
      .where('user_id' as never, '=', qaId as never)
      .where('type' as never, '=', 'account.locked' as never)
      .execute();
    expect(events).toMatchObject([
      { type: 'account.locked', details: { scope: 'address', source: attacker } },
    ]);

    const mails = await mailTo('qa@acme.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: 'Masetra sign-ins paused' });
    expect(mails[0]!.text).toContain(attacker);
    expect(mails[0]!.text).toContain('Forgot password');
  });

  it('is no longer listed as 423 in the contract', async () => {
    const openapi = await (await fetch(`${server.apiUrl}/openapi.json`)).json();
    expect(Object.keys(openapi.paths['/auth/login'].post.responses)).not.toContain('423');
    expect(Object.keys(openapi.paths['/auth/password'].post.responses)).not.toContain('423');
  });
});

describe('the account state, only after the second factor', () => {
  it('answers a deactivated account with an authenticator as any other, until the code is right', async () => {
    const id = await userId('viewer@acme.example');
    const { secret } = await server.auth.beginTotpEnrolment(id);
    await server.auth.confirmTotpEnrolment(id, await generate({ secret }));
    await server.auth.deactivateUser(id);
    const attempt = (otp?: string) =>
      post(
        '/auth/login',
        { email: 'viewer@acme.example', password: DEMO_PASSWORD, ...(otp ? { otp } : {}) },
        from('192.0.2.10'),
      );

    const noCode = await attempt();
    expect([noCode.status, (await noCode.json()).code]).toEqual([401, 'otp_required']);
    const wrongCode = await attempt('000000');
    expect([wrongCode.status, (await wrongCode.json()).code]).toEqual([401, 'invalid_otp']);
    // Only the holder of both factors learns that the account is deactivated.
    const nextCode = await generate({ secret, epoch: Date.now() / 1000 + 30 });
    const both = await attempt(nextCode);
    expect([both.status, (await both.json()).code]).toEqual([403, 'account_inactive']);
  });
});

describe('a password an administrator chose (issue #12)', () => {
  it('opens neither a session nor the password change; a reset link is the way', async () => {
    const id = await userId('investigator@acme.example');
    // As before set-up links: the administrator typed a temporary password, and knows it.
    await server.auth.setPassword(id, 'Admin-knows-this-1', { by: 'admin' });

    const loginAnswer = await post(
      '/auth/login',
      { email: 'investigator@acme.example', password: 'Admin-knows-this-1' },
      from('192.0.2.11'),
    );
    expect(loginAnswer.status).toBe(403);
    expect(await loginAnswer.json()).toMatchObject({ code: 'password_reset_required' });

    const change = await post(
      '/auth/password',
      {
        email: 'investigator@acme.example',
        currentPassword: 'Admin-knows-this-1',
        newPassword: 'The-admin-could-pick-1',
      },
      from('192.0.2.11'),
    );
    expect(change.status).toBe(403);
    const body = await change.json();
    expect(body).toMatchObject({ code: 'password_reset_required' });
    expect(body.accessToken).toBeUndefined();
    // Still not usable afterwards: the change did not happen.
    const again = await post(
      '/auth/login',
      { email: 'investigator@acme.example', password: 'The-admin-could-pick-1' },
      from('192.0.2.11'),
    );
    expect(again.status).toBe(401);
  });
});

describe('creating a user with an address of another organization (PART11 21)', () => {
  const create = (email: string) =>
    fetch(`${server.apiUrl}/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email, displayName: 'Quinn Person', roles: ['viewer'] }),
    });
  const count = async () =>
    (
      await server.storage.db
        .selectFrom('users')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('answers as a success would, creates nothing, and tells the address owner instead', async () => {
    const genuine = await create('quinn.new@acme.example');
    const genuineBody = await genuine.json();

    const before = await count();
    const taken = await create('QA@globex.example');
    const takenBody = await taken.json();
    expect(taken.status).toBe(genuine.status);
    expect(taken.headers.get('content-type')).toBe(genuine.headers.get('content-type'));
    expect(Object.keys(takenBody).sort()).toEqual(Object.keys(genuineBody).sort());
    expect(takenBody).toMatchObject({
      email: 'qa@globex.example',
      displayName: 'Quinn Person',
      roles: ['viewer'],
      active: true,
      orgId: genuineBody.orgId,
    });
    // Nothing was created, and the other organization's user was not touched.
    expect(await count()).toBe(before);
    const globexQa = await server.storage.db
      .selectFrom('users')
      .select(['id', 'org_id', 'display_name'])
      .where('email', '=', 'qa@globex.example')
      .executeTakeFirstOrThrow();
    expect(globexQa.org_id).not.toBe(genuineBody.orgId);
    expect(globexQa.id).not.toBe(takenBody.id);

    const notices = await mailTo('qa@globex.example');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toBe('Your address was given for another Masetra account');
    expect(notices[0]!.text).toContain('Acme');
    const events = await server.storage.db
      .selectFrom('auth_security_events' as never)
      .select(['type' as never])
      .where('user_id' as never, '=', globexQa.id as never)
      .where('type' as never, '=', 'user.address_in_use' as never)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('still refuses a duplicate within the organization with 409', async () => {
    const response = await create('qa@acme.example');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'email_taken' });
  });
});
