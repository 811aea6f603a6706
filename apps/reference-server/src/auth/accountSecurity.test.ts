/**
 * The account page's server side over HTTP, against a listening server (PGlite, or PostgreSQL
 * with TEST_DATABASE_URL): TOTP enrolment with the password, recovery codes, removing the
 * authenticator, the organization's MFA policy, sessions and their lifetimes.
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNoticeMail } from '../mail/noticeMail';
import type { RunningReferenceServer } from '../testing/startReferenceServer';
import { startReferenceServer } from '../testing/startReferenceServer';
import { createManualClock } from './testing/authTestHarness';

const PASSWORD = 'Account-test-password-1';
const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

const clock = createManualClock(new Date());
let server: RunningReferenceServer;
let orgId: string;
let admin: { email: string; token: string };
let userCount = 0;

beforeAll(async () => {
  server = await startReferenceServer({
    seed: false,
    // An hour's absolute lifetime, and refresh tokens that would outlive it: the session's own limit ends it.
    authOptions: { clock: clock.now, sessionMaxAgeSeconds: 3600, refreshTokenTtlSeconds: 7200 },
  });
  orgId = (await server.users.createOrganization('Account Test Org')).id;
  // The administrator has an authenticator: a policy of `everyone` covers them too.
  const created = await enrolledUser(['admin']);
  admin = { email: created.email, token: created.token };
}, 120_000);
afterAll(() => server?.close());

interface Answer {
  status: number;
  // What `Response.json()` gives: each test reads the fields its route answers with.
  json: Awaited<ReturnType<Response['json']>>;
}

async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; userAgent?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.userAgent) headers['user-agent'] = options.userAgent;
  const response = await fetch(`${server.apiUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
}

function login(email: string, extra: Record<string, string> = {}, userAgent?: string): Promise<Answer> {
  return call('POST', '/auth/login', { body: { email, password: PASSWORD, ...extra }, userAgent });
}

const refresh = (refreshToken: string) => call('POST', '/auth/refresh', { body: { refreshToken } });

async function newUser(roles: string[]): Promise<{ id: string; email: string }> {
  userCount += 1;
  const email = `user${userCount}@account-test.example`;
  const user = await server.users.createUser({ orgId, email, displayName: `User ${userCount}`, roles });
  await server.auth.createCredentials(user.id, PASSWORD, { mustChangePassword: false });
  return { id: user.id, email };
}

/** The code the user's app shows now, on the server's clock; `step` moves on by 30 s steps so each code is fresh. */
const codeFor = (secret: string, step = 0) =>
  generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + step * 30 });

/** A user with a confirmed authenticator: their secret, recovery codes and a signed-in token. */
async function enrolledUser(roles: string[] = ['originator']) {
  const user = await newUser(roles);
  const { json: session } = await login(user.email);
  const begun = await call('POST', '/auth/totp', {
    token: session.accessToken,
    body: { password: PASSWORD },
  });
  expect(begun.status).toBe(200);
  const confirmed = await call('POST', '/auth/totp/confirm', {
    token: session.accessToken,
    body: { otp: await codeFor(begun.json.secret) },
  });
  expect(confirmed.status).toBe(200);
  // The confirming code is spent; the next code is the next step's.
  clock.advance({ seconds: 30 });
  return {
    ...user,
    secret: begun.json.secret as string,
    recoveryCodes: confirmed.json.recoveryCodes as string[],
    token: session.accessToken as string,
  };
}

async function securityEvents(type: string, userId: string) {
  return server.storage.db
    .selectFrom('auth_security_events' as never)
    .selectAll()
    .where('type' as never, '=', type as never)
    .where('user_id' as never, '=', userId as never)
    .execute();
}

async function trailEntries(recordId: string, action: string) {
  return server.storage.db
    .selectFrom('audit_trail')
    .selectAll()
    .where('record_id', '=', recordId)
    .where('action', '=', action)
    .execute();
}

describe('authenticator enrolment (PART11 25)', () => {
  it('asks for the password again before it offers a secret, and shows a QR code of it', async () => {
    const user = await newUser(['originator']);
    const { json: session } = await login(user.email);
    const token = session.accessToken;

    const noPassword = await call('POST', '/auth/totp', { token, body: {} });
    expect(noPassword.status).toBe(422);
    const wrong = await call('POST', '/auth/totp', { token, body: { password: 'not-the-password' } });
    // Refused as a step, not as an ended session: the client stays signed in.
    expect(wrong.status).toBe(403);
    expect(wrong.json.code).toBe('invalid_credentials');
    expect((await call('GET', '/me', { token })).status).toBe(200);

    const begun = await call('POST', '/auth/totp', { token, body: { password: PASSWORD } });
    expect(begun.status).toBe(200);
    expect(begun.json.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(new URL(begun.json.otpauthUrl).searchParams.get('secret')).toBe(begun.json.secret);
    expect(begun.json.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(begun.json.qrCode.split(',')[1], 'base64').toString('utf8');
    expect(svg).toContain('<svg');

    const confirmed = await call('POST', '/auth/totp/confirm', {
      token,
      body: { otp: await codeFor(begun.json.secret) },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.recoveryCodes).toHaveLength(10);
    for (const code of confirmed.json.recoveryCodes)
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(new Set(confirmed.json.recoveryCodes).size).toBe(10);
    // Only hashes are stored.
    const stored = await server.storage.db
      .selectFrom('auth_recovery_codes' as never)
      .select('code_hash' as never)
      .where('user_id' as never, '=', user.id as never)
      .execute();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(confirmed.json.recoveryCodes[0]);

    const status = await call('GET', '/account/authenticator', { token });
    expect(status.json).toEqual({ enrolled: true, recoveryCodesRemaining: 10, required: false });
  });
});

describe('recovery codes', () => {
  it('each opens one login in place of a TOTP code, once, with a security event and a trail entry', async () => {
    const user = await enrolledUser();
    const [first, second] = user.recoveryCodes as [string, string];

    expect((await login(user.email)).json.code).toBe('otp_required');
    const opened = await login(user.email, { recoveryCode: first.toLowerCase() });
    expect(opened.status).toBe(200);
    expect(opened.json.user.mfaEnrolled).toBe(true);

    const again = await login(user.email, { recoveryCode: first });
    expect(again.status).toBe(401);
    expect(again.json.code).toBe('invalid_recovery_code');
    expect((await login(user.email, { recoveryCode: 'AAAA-BBBB-CCCC' })).json.code).toBe(
      'invalid_recovery_code',
    );

    expect(await securityEvents('recovery_code.used', user.id)).toHaveLength(1);
    const entries = await trailEntries(user.id, 'recovery_code_used');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.changes).toEqual([{ field: 'recoveryCodesRemaining', old: 10, new: 9 }]);

    const token = opened.json.accessToken;
    expect((await call('GET', '/account/authenticator', { token })).json.recoveryCodesRemaining).toBe(9);
    expect((await login(user.email, { recoveryCode: second })).status).toBe(200);
  });

  it('are renewed with the password and a code; the old ones stop working', async () => {
    const user = await enrolledUser();
    const renewed = await call('POST', '/account/recovery-codes', {
      token: user.token,
      body: { password: PASSWORD, code: await codeFor(user.secret) },
    });
    expect(renewed.status).toBe(200);
    expect(renewed.json.recoveryCodes).toHaveLength(10);
    expect((await login(user.email, { recoveryCode: user.recoveryCodes[0] as string })).status).toBe(401);
    expect((await login(user.email, { recoveryCode: renewed.json.recoveryCodes[0] })).status).toBe(200);
  });
});

describe('removing the authenticator', () => {
  it('needs the password and a current code; then login asks for none and the recovery codes are gone', async () => {
    const user = await enrolledUser();
    const token = user.token;
    const remove = (body: unknown) => call('POST', '/account/authenticator/remove', { token, body });

    expect((await remove({ password: PASSWORD })).status).toBe(422);
    const wrongPassword = await remove({ password: 'wrong-password', code: await codeFor(user.secret) });
    expect(wrongPassword.status).toBe(403);
    expect(wrongPassword.json.code).toBe('invalid_credentials');
    const wrongCode = await remove({ password: PASSWORD, code: '000000' });
    expect(wrongCode.status).toBe(403);
    expect(wrongCode.json.code).toBe('invalid_otp');

    expect((await remove({ password: PASSWORD, code: await codeFor(user.secret, 1) })).status).toBe(200);
    expect(await securityEvents('totp.removed', user.id)).toHaveLength(1);
    const plain = await login(user.email);
    expect(plain.status).toBe(200);
    expect(plain.json.user.mfaEnrolled).toBe(false);
    const left = await server.storage.db
      .selectFrom('auth_recovery_codes' as never)
      .selectAll()
      .where('user_id' as never, '=', user.id as never)
      .execute();
    expect(left).toHaveLength(0);
    // Nothing to remove any more.
    const again = await call('POST', '/account/authenticator/remove', {
      token: plain.json.accessToken,
      body: { password: PASSWORD, code: '123456' },
    });
    expect(again.status).toBe(409);
  });
});

describe('an administrator’s reset of the authenticator', () => {
  it('removes the recovery codes too, and tells the user by e-mail (en, de)', async () => {
    const user = await enrolledUser();
    const reset = await call('POST', `/users/${user.id}/authenticator-reset`, {
      token: admin.token,
      body: { reason: 'Phone lost' },
    });
    expect(reset.status).toBe(200);
    expect(
      (await login(user.email, { recoveryCode: user.recoveryCodes[0] as string })).json.user?.mfaEnrolled,
    ).toBe(false);
    const codes = await server.storage.db
      .selectFrom('auth_recovery_codes' as never)
      .selectAll()
      .where('user_id' as never, '=', user.id as never)
      .execute();
    expect(codes).toHaveLength(0);

    // In the outbox, written with the reset: delivered at least once by the worker.
    const mails = await server.storage.db
      .selectFrom('outbox')
      .select(['type', 'payload'])
      .where('type', '=', 'mail.notice')
      .execute();
    const notice = mails
      .map((row) => row.payload)
      .find((payload) => (payload as { userId?: string }).userId === user.id);
    expect(notice).toEqual({ kind: 'authenticator_reset', userId: user.id });
    const values = { displayName: 'Uma', organizationName: 'Account Test Org' };
    const en = renderNoticeMail(notice as never, 'en', values);
    expect(en.subject).toBe('Your Masetra authenticator was reset');
    expect(en.text).toContain('recovery codes no longer work');
    const de = renderNoticeMail(notice as never, 'de', values);
    expect(de.subject).toBe('Ihr Authenticator für Masetra wurde zurückgesetzt');
    expect(de.html).toContain('<html lang="de">');
  });
});

describe('the organization’s MFA policy', () => {
  const setPolicy = (mfaRequired: string, token = admin.token) =>
    call('PATCH', '/organizations/security-policy', {
      token,
      body: { mfaRequired, reason: 'Audit finding 7' },
    });

  it('is set by an administrator only, and names the roles that sign', async () => {
    const viewer = await newUser(['viewer']);
    const viewerToken = (await login(viewer.email)).json.accessToken;
    expect((await setPolicy('everyone', viewerToken)).status).toBe(403);
    expect((await call('GET', '/organizations/security-policy', { token: viewerToken })).status).toBe(403);
    expect((await setPolicy('sometimes')).status).toBe(422);

    const policy = await call('GET', '/organizations/security-policy', { token: admin.token });
    expect(policy.json.mfaRequired).toBe('off');
    expect(policy.json.signingRoles).toEqual(expect.arrayContaining(['qa_approver', 'qa_reviewer']));
    expect(policy.json.signingRoles).not.toContain('viewer');
    expect(policy.json.signingRoles).not.toContain('admin');
  });

  it('refuses a rule that would hold the administrator who sets it, before they have an authenticator', async () => {
    const unenrolled = await newUser(['admin']);
    const token = (await login(unenrolled.email)).json.accessToken;
    const refused = await setPolicy('everyone', token);
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('enrol_first');
    expect((await call('GET', '/organizations/security-policy', { token })).json.mfaRequired).toBe('off');
    // `signers` does not cover an administrator: they may set it.
    expect((await setPolicy('signers', token)).status).toBe(200);
    expect((await setPolicy('off', token)).status).toBe(200);
  });

  it('leads a signer without an authenticator to enrolment before anything else', async () => {
    const approver = await newUser(['qa_approver']);
    const viewer = await newUser(['viewer']);
    expect((await setPolicy('signers')).json.mfaRequired).toBe('signers');
    const entries = await trailEntries(orgId, 'security_policy_changed');
    expect(entries.at(-1)).toMatchObject({ reason: 'Audit finding 7' });

    const signedIn = await login(approver.email);
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.user.mfaEnrolmentRequired).toBe(true);
    const token = signedIn.json.accessToken;
    // The QMS refuses the session until an authenticator is set up; the account routes serve it.
    expect((await call('GET', '/deviations', { token })).status).toBe(401);
    expect((await call('GET', '/account/authenticator', { token })).json).toMatchObject({
      enrolled: false,
      required: true,
    });
    const begun = await call('POST', '/auth/totp', { token, body: { password: PASSWORD } });
    await call('POST', '/auth/totp/confirm', { token, body: { otp: await codeFor(begun.json.secret) } });
    expect((await call('GET', '/deviations', { token })).status).toBe(200);
    expect((await call('GET', '/me', { token })).json.mfaEnrolmentRequired).toBe(false);

    // A viewer signs nothing: `signers` does not cover them, `everyone` does.
    expect((await login(viewer.email)).json.user.mfaEnrolmentRequired).toBe(false);
    await setPolicy('everyone');
    expect((await login(viewer.email)).json.user.mfaEnrolmentRequired).toBe(true);
    await setPolicy('off');
    expect((await login(viewer.email)).json.user.mfaEnrolmentRequired).toBe(false);
  });
});

describe('sessions', () => {
  it('lists the user’s sessions with device, address and which is this one, and ends one or all others', async () => {
    const user = await newUser(['originator']);
    const a = (await login(user.email, {}, CHROME)).json;
    clock.advance({ seconds: 5 });
    const b = (await login(user.email, {}, FIREFOX)).json;
    clock.advance({ seconds: 5 });
    const c = (await login(user.email, {}, CHROME)).json;

    const listed = await call('GET', '/account/sessions', { token: a.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toHaveLength(3);
    const [newest, middle, oldest] = listed.json.items;
    expect(oldest).toMatchObject({ device: 'Chrome 131 on Linux', address: '127.0.0.1', current: true });
    expect(middle).toMatchObject({ device: 'Firefox 133 on Windows', current: false });
    expect(newest.current).toBe(false);
    expect(new Date(oldest.expiresAt).getTime() - new Date(oldest.startedAt).getTime()).toBe(3600_000);

    // Ending B: its refresh fails at once, its access token at its next check.
    expect(
      (await call('POST', `/account/sessions/${middle.id}/revoke`, { token: a.accessToken })).status,
    ).toBe(200);
    expect((await refresh(b.refreshToken)).status).toBe(401);
    expect((await call('GET', '/me', { token: b.accessToken })).status).toBe(401);
    expect((await call('GET', '/account/sessions', { token: a.accessToken })).json.items).toHaveLength(2);
    expect(await securityEvents('session.revoked', user.id)).toHaveLength(1);

    // Someone else's session is not found, and nothing happens to it.
    const other = await newUser(['viewer']);
    const theirs = (await login(other.email)).json;
    const theirSessions = await call('GET', '/account/sessions', { token: theirs.accessToken });
    const refused = await call('POST', `/account/sessions/${theirSessions.json.items[0].id}/revoke`, {
      token: a.accessToken,
    });
    expect(refused.status).toBe(404);
    expect((await call('GET', '/me', { token: theirs.accessToken })).status).toBe(200);

    // All others: C ends, A stays.
    expect((await call('POST', '/account/sessions/revoke-others', { token: a.accessToken })).json).toEqual({
      revoked: 1,
    });
    expect((await refresh(c.refreshToken)).status).toBe(401);
    expect((await call('GET', '/me', { token: a.accessToken })).status).toBe(200);
    const remaining = await call('GET', '/account/sessions', { token: a.accessToken });
    expect(remaining.json.items.map((session: { current: boolean }) => session.current)).toEqual([true]);
  });

  it('an administrator ends every session of a user, recorded in the audit trail', async () => {
    const user = await newUser(['investigator']);
    const first = (await login(user.email)).json;
    const second = (await login(user.email)).json;
    const ended = await call('POST', `/users/${user.id}/sessions/revoke`, {
      token: admin.token,
      body: { reason: 'Laptop reported stolen' },
    });
    expect(ended.status).toBe(200);
    expect(ended.json).toEqual({ revoked: 2 });
    expect((await call('GET', '/me', { token: first.accessToken })).status).toBe(401);
    expect((await refresh(second.refreshToken)).status).toBe(401);
    const entries = await trailEntries(user.id, 'sessions_revoked');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      reason: 'Laptop reported stolen',
      changes: [{ field: 'openSessions', old: 2, new: 0 }],
    });

    const notAdmin = await call('POST', `/users/${user.id}/sessions/revoke`, {
      token: first.accessToken,
      body: {},
    });
    expect(notAdmin.status).toBe(401);
    const viewer = (await login((await newUser(['viewer'])).email)).json;
    expect(
      (await call('POST', `/users/${user.id}/sessions/revoke`, { token: viewer.accessToken, body: {} }))
        .status,
    ).toBe(403);
    expect(
      (await call('POST', '/users/no-such-user/sessions/revoke', { token: admin.token, body: {} })).status,
    ).toBe(404);
  });

  it('end at their absolute lifetime however active they are', async () => {
    const user = await newUser(['originator']);
    let tokens = (await login(user.email)).json;
    // Active all along: a refresh every 10 minutes.
    for (let minute = 10; minute <= 50; minute += 10) {
      clock.advance({ minutes: 10 });
      const next = await refresh(tokens.refreshToken);
      expect(next.status).toBe(200);
      tokens = next.json;
    }
    clock.advance({ minutes: 9 });
    expect((await call('GET', '/me', { token: tokens.accessToken })).status).toBe(200);
    // Past the hour: the access token, still within its own 15 minutes, stops; so does the refresh.
    clock.advance({ minutes: 2 });
    expect((await call('GET', '/me', { token: tokens.accessToken })).status).toBe(401);
    const late = await refresh(tokens.refreshToken);
    expect(late.status).toBe(401);
    expect(late.json.code).toBe('invalid_refresh_token');
    expect(await securityEvents('session.revoked', user.id)).toHaveLength(1);
  });

  it('a refresh re-checks the account: deactivated, password expired or reset', async () => {
    const db = server.storage.db;
    const deactivated = await newUser(['originator']);
    const session = (await login(deactivated.email)).json;
    // Deactivated behind the service's back: the refresh itself must notice.
    await db.updateTable('users').set({ active: false }).where('id', '=', deactivated.id).execute();
    expect((await refresh(session.refreshToken)).status).toBe(401);

    const expired = await newUser(['originator']);
    const expiring = (await login(expired.email)).json;
    await db
      .updateTable('auth_credentials' as never)
      .set({ password_changed_at: new Date(clock.now().getTime() - 91 * 86_400_000) } as never)
      .where('user_id' as never, '=', expired.id as never)
      .execute();
    const refused = await refresh(expiring.refreshToken);
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('password_expired');
    // The session is over with it.
    expect((await call('GET', '/me', { token: expiring.accessToken })).status).toBe(401);

    const reset = await newUser(['originator']);
    const resetting = (await login(reset.email)).json;
    await db
      .updateTable('auth_credentials' as never)
      .set({ must_change_password: true } as never)
      .where('user_id' as never, '=', reset.id as never)
      .execute();
    const resetRefused = await refresh(resetting.refreshToken);
    expect(resetRefused.status).toBe(403);
    expect(resetRefused.json.code).toBe('password_reset_required');
  });
});
