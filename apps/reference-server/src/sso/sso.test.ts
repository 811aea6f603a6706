/**
 * Single sign-on against a real OpenID provider (`oidc-provider`) running in this process,
 * over HTTP on PGlite or PostgreSQL (TEST_DATABASE_URL): an administrator's settings (the
 * secret sealed, never answered, every change in the trail), sign-in with just-in-time
 * creation and role mapping, the same user at the next sign-in, and each refusal a clear
 * problem: a replayed state, a token for another client, a domain not allowed, creation
 * switched off, an e-mail of an existing account. Then signatures (21 CFR 11.200): a fresh
 * re-authentication at the provider (prompt=login, max_age=0) signs once; a stale one, a
 * spent proof and another person's login do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed/demoUsers';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import type { SsoDb } from './ssoDatabase';
import {
  signInAtProvider,
  startTestOpenIdProvider,
  type TestOpenIdProvider,
} from './testing/testOpenIdProvider';

const PUBLIC_URL = 'http://app.test';
const REDIRECT_URI = `${PUBLIC_URL}/sso/callback`;
const CLIENT_SECRET = 'masetra-client-secret-7f3a9c';

let server: RunningReferenceServer;
let idp: TestOpenIdProvider;
let admin: { accessToken: string; user: { id: string } };
/** Moves the server's clock (not the provider's) forward. */
let clockOffsetMs = 0;

const quinn = {
  sub: 'idp-0001',
  email: 'quinn.sso@acme-sso.example',
  name: 'Quinn Sso',
  groups: ['qa', 'staff'],
  password: 'idp-password-quinn',
};
const rita = {
  sub: 'idp-0002',
  email: 'rita@acme-sso.example',
  name: 'Rita Staff',
  groups: ['staff'],
  password: 'idp-password-rita',
};
const outsider = {
  sub: 'idp-0003',
  email: 'dave@elsewhere.example',
  name: 'Dave Elsewhere',
  groups: ['qa'],
  password: 'idp-password-dave',
};
const newcomer = {
  sub: 'idp-0004',
  email: 'nora@acme-sso.example',
  name: 'Nora New',
  groups: ['staff'],
  password: 'idp-password-nora',
};
const local = {
  sub: 'idp-0005',
  email: 'lena.local@acme-sso.example',
  name: 'Lena Local',
  groups: ['qa'],
  password: 'idp-password-lena',
};

beforeAll(async () => {
  idp = await startTestOpenIdProvider({
    clients: [
      { clientId: 'masetra', clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] },
      { clientId: 'another-app', clientSecret: 'another-secret', redirectUris: [REDIRECT_URI] },
    ],
    identities: [quinn, rita, outsider, newcomer, local],
  });
  server = await startReferenceServer({
    authOptions: { clock: () => new Date(Date.now() + clockOffsetMs) },
    mail: { publicUrl: PUBLIC_URL, from: 'Masetra <no-reply@app.test>' },
  });
  admin = await login('admin@acme.example');
}, 120_000);
afterAll(async () => {
  await server?.close();
  await idp?.close();
});

async function login(email: string, password = DEMO_PASSWORD) {
  const response = await fetch(`${server.apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  return response.json();
}

async function call(method: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${server.apiUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    json: text ? JSON.parse(text) : null,
  };
}

const settings = (changes: Record<string, unknown> = {}) => ({
  protocol: 'oidc',
  displayName: 'Acme ID',
  issuer: idp.issuer,
  clientId: 'masetra',
  allowedDomains: ['acme-sso.example'],
  roleClaim: 'groups',
  roleMapping: [
    { value: 'qa', roles: ['qa_reviewer', 'qa_approver'] },
    { value: 'staff', roles: ['originator'] },
  ],
  jitProvisioning: true,
  enabled: true,
  ...changes,
});

/** The browser's whole sign-in: start, the provider's login page, and the callback handed to the server. */
async function ssoSignIn(identity: { email: string; password: string }, typedEmail = identity.email) {
  const started = await call('POST', '/auth/sso/start', null, { email: typedEmail });
  expect(started.status).toBe(200);
  const { callbackQuery } = await signInAtProvider(started.json.authorizationUrl, REDIRECT_URI, identity);
  const completed = await call('POST', '/auth/sso/complete', null, { callbackQuery });
  return { ...completed, callbackQuery, authorizationUrl: started.json.authorizationUrl as string };
}

function expectProblem(
  result: { status: number; contentType: string | null; json: { code?: string; detail?: string } },
  status: number,
  code: string,
) {
  expect(result.contentType).toMatch(/^application\/problem\+json/);
  expect({ status: result.status, code: result.json.code }).toEqual({ status, code });
  expect(result.json.detail).toEqual(expect.any(String));
}

const ssoDb = () => server.storage.db as unknown as SsoDb;

describe('identity provider settings', () => {
  it('starts unset; only an administrator reads or changes them', async () => {
    expect(await call('GET', '/settings/sso', admin.accessToken)).toMatchObject({
      status: 200,
      json: { provider: null },
    });
    const qa = await login('qa@acme.example');
    expectProblem(await call('GET', '/settings/sso', qa.accessToken), 403, 'forbidden');
    expectProblem(await call('PATCH', '/settings/sso', qa.accessToken, settings()), 403, 'forbidden');
  });

  it('refuses a new provider without its client secret, unknown roles and a non-https issuer', async () => {
    expectProblem(
      await call('PATCH', '/settings/sso', admin.accessToken, settings()),
      422,
      'sso_client_secret_required',
    );
    const unknownRole = await call(
      'PATCH',
      '/settings/sso',
      admin.accessToken,
      settings({ clientSecret: CLIENT_SECRET, roleMapping: [{ value: 'qa', roles: ['overlord'] }] }),
    );
    expect(unknownRole.status).toBe(422);
    expect(unknownRole.json.detail).toContain('overlord');
    const plainHttp = await call(
      'PATCH',
      '/settings/sso',
      admin.accessToken,
      settings({ clientSecret: CLIENT_SECRET, issuer: 'http://idp.example.com' }),
    );
    expect(plainHttp.status).toBe(422);
    expect(plainHttp.json.detail).toContain('https');
  });

  it('stores the client secret sealed, answers only that it is set, and writes the change to the trail', async () => {
    const saved = await call(
      'PATCH',
      '/settings/sso',
      admin.accessToken,
      settings({ clientSecret: CLIENT_SECRET, reason: 'Company-wide single sign-on' }),
    );
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      protocol: 'oidc',
      issuer: idp.issuer,
      clientId: 'masetra',
      clientSecretSet: true,
      redirectUri: REDIRECT_URI,
    });
    expect(saved.text).not.toContain(CLIENT_SECRET);
    const read = await call('GET', '/settings/sso', admin.accessToken);
    expect(read.json.provider).toEqual(saved.json);
    expect(read.text).not.toContain(CLIENT_SECRET);

    const row = await ssoDb().selectFrom('auth_sso_providers').selectAll().executeTakeFirstOrThrow();
    expect(row.client_secret_sealed).toMatch(/^v1\./);
    expect(row.client_secret_sealed).not.toContain(CLIENT_SECRET);

    const trail = await call(
      'GET',
      `/audit-trail?recordType=sso_provider&recordId=${saved.json.id}`,
      admin.accessToken,
    );
    expect(trail.status).toBe(200);
    expect(trail.text).not.toContain(CLIENT_SECRET);
    expect(trail.json.items).toEqual([
      expect.objectContaining({
        action: 'create',
        actorId: admin.user.id,
        reason: 'Company-wide single sign-on',
        changes: expect.arrayContaining([
          { field: 'issuer', new: idp.issuer },
          { field: 'allowedDomains', new: ['acme-sso.example'] },
          { field: 'jitProvisioning', new: true },
          { field: 'clientSecret', new: 'set' },
        ]),
      }),
    ]);

    const settingsEvents = await ssoDb()
      .selectFrom('auth_security_events')
      .select(['user_id', 'details'])
      .where('type', '=', 'sso.settings_changed')
      .execute();
    expect(settingsEvents).toEqual([
      {
        user_id: admin.user.id,
        details: expect.objectContaining({ fields: expect.arrayContaining(['issuer', 'clientSecret']) }),
      },
    ]);
    expect(JSON.stringify(settingsEvents)).not.toContain(CLIENT_SECRET);

    // A change without a new secret keeps the stored one; only what changed is written.
    const renamed = await call(
      'PATCH',
      '/settings/sso',
      admin.accessToken,
      settings({ displayName: 'Acme Identity' }),
    );
    expect(renamed.json).toMatchObject({ displayName: 'Acme Identity', clientSecretSet: true });
    const after = await call(
      'GET',
      `/audit-trail?recordType=sso_provider&recordId=${saved.json.id}`,
      admin.accessToken,
    );
    expect(after.json.items.at(-1)).toMatchObject({
      action: 'update',
      changes: [{ field: 'displayName', old: 'Acme ID', new: 'Acme Identity' }],
    });
  });
});

describe('sign-in with the identity provider', () => {
  let quinnId: string;

  it('answers 404 for a domain no organization signs in with SSO', async () => {
    expectProblem(
      await call('POST', '/auth/sso/start', null, { email: 'x@nowhere.example' }),
      404,
      'sso_not_configured',
    );
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const started = await call('POST', '/auth/sso/start', null, { email: quinn.email });
    const url = new URL(started.json.authorizationUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'masetra',
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
    });
    expect(started.json.providerName).toBe('Acme Identity');
  });

  it('creates the user at first sign-in with the roles the mapping gives, and signs them in', async () => {
    const first = await ssoSignIn(quinn);
    expect(first.status).toBe(200);
    expect(first.json.user).toMatchObject({
      email: quinn.email,
      displayName: 'Quinn Sso',
      roles: ['originator', 'qa_approver', 'qa_reviewer'],
      orgName: 'Acme Pharma',
    });
    quinnId = first.json.user.id;
    const me = await call('GET', '/me', first.json.accessToken);
    expect(me.json.id).toBe(quinnId);

    const trail = await call('GET', `/audit-trail?recordType=user&recordId=${quinnId}`, admin.accessToken);
    expect(trail.json.items[0]).toMatchObject({
      action: 'create',
      actorName: 'Single sign-on (Acme Identity)',
      changes: expect.arrayContaining([
        { field: 'roles', new: ['originator', 'qa_approver', 'qa_reviewer'] },
        { field: 'ssoSubject', new: quinn.sub },
      ]),
    });
    // No password signs in as an SSO-only account.
    const byPassword = await call('POST', '/auth/login', null, { email: quinn.email, password: '!sso-only' });
    expect(byPassword.status).toBe(401);
  });

  it('maps the next sign-in to the same user', async () => {
    const second = await ssoSignIn(quinn);
    expect(second.status).toBe(200);
    expect(second.json.user.id).toBe(quinnId);
    const count = await ssoDb()
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('email', '=', quinn.email)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    // The same answer handed in again: its state is spent.
    const replayed = await call('POST', '/auth/sso/complete', null, { callbackQuery: second.callbackQuery });
    expectProblem(replayed, 400, 'sso_state_invalid');
  });

  it('does not hold a single sign-on user at authenticator enrolment: the provider holds their factors', async () => {
    const setPolicy = (mfaRequired: string) =>
      call('PATCH', '/organizations/security-policy', admin.accessToken, {
        mfaRequired,
        reason: 'Everyone uses a second factor',
      });
    // `signers` covers Quinn (a QA approver) and not the administrator, who has no authenticator here.
    expect((await setPolicy('signers')).status).toBe(200);
    try {
      const signedIn = await ssoSignIn(quinn);
      expect(signedIn.status).toBe(200);
      expect(signedIn.json.user.mfaEnrolmentRequired).toBe(false);
      // The records API serves them (a user held at enrolment gets 401 here).
      expect((await call('GET', '/deviations', signedIn.json.accessToken)).status).toBe(200);
      // A password user of the same organization without an authenticator is held.
      const local = await login('qa@acme.example');
      expect(local.user.mfaEnrolmentRequired).toBe(true);
    } finally {
      expect((await setPolicy('off')).status).toBe(200);
    }
  });

  it('refuses an ID token issued to another client (audience)', async () => {
    idp.tamperNextIdToken((claims) => ({ ...claims, aud: 'another-app' }));
    const result = await ssoSignIn(rita);
    expectProblem(result, 401, 'sso_token_invalid');
    expect(result.json.detail).toMatch(/aud/);
    const created = await ssoDb().selectFrom('users').select('id').where('email', '=', rita.email).execute();
    expect(created).toEqual([]);
    // Security monitoring hears of it.
    const events = await ssoDb()
      .selectFrom('auth_security_events')
      .select(['type', 'details'])
      .where('type', '=', 'sso.login_refused')
      .execute();
    expect(events.map((event) => event.details)).toContainEqual(
      expect.objectContaining({ code: 'sso_token_invalid' }),
    );
  });

  it('refuses an address of a domain the organization does not allow', async () => {
    const result = await ssoSignIn(outsider, quinn.email);
    expectProblem(result, 403, 'sso_domain_not_allowed');
    expect(result.json.detail).toContain('elsewhere.example');
  });

  it('links no existing account by its e-mail', async () => {
    const created = await call('POST', '/users', admin.accessToken, {
      email: local.email,
      displayName: 'Lena Local',
      roles: ['viewer'],
    });
    expect(created.status).toBe(201);
    expectProblem(await ssoSignIn(local), 409, 'sso_account_exists');
    const links = await ssoDb()
      .selectFrom('auth_sso_links')
      .select('user_id')
      .where('user_id', '=', created.json.id)
      .execute();
    expect(links).toEqual([]);
  });

  it('creates nobody when just-in-time creation is off, while linked users still sign in', async () => {
    const off = await call(
      'PATCH',
      '/settings/sso',
      admin.accessToken,
      settings({ displayName: 'Acme Identity', jitProvisioning: false }),
    );
    expect(off.json.jitProvisioning).toBe(false);
    expectProblem(await ssoSignIn(newcomer), 403, 'sso_jit_disabled');
    expect((await ssoSignIn(quinn)).json.user.id).toBe(quinnId);
    await call('PATCH', '/settings/sso', admin.accessToken, settings({ displayName: 'Acme Identity' }));
  });
});

describe('signatures by a single sign-on user', () => {
  let quinnTokens: { accessToken: string; user: { id: string } };

  beforeAll(async () => {
    quinnTokens = (await ssoSignIn(quinn)).json;
  });

  async function transition(token: string, record: { id: string; version: number }, body: unknown) {
    const response = await fetch(`${server.apiUrl}/deviations/${record.id}/transitions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'if-match': `"${record.version}"`,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      json: text ? JSON.parse(text) : null,
      contentType: response.headers.get('content-type'),
    };
  }

  /** A deviation raised by the originator and assessed by Quinn (SSO), waiting for QA approval. */
  async function awaitingApproval(): Promise<{ id: string; version: number }> {
    const originator = await login('originator@acme.example');
    const created = await call('POST', '/deviations', originator.accessToken, {
      title: 'Label misprint on lot 24-201',
      description: 'Expiry date printed in the wrong format.',
      occurredAt: new Date().toISOString(),
      area: 'Packaging',
      severity: 'major',
    });
    expect(created.status, created.text).toBe(201);
    const submitted = await transition(originator.accessToken, created.json, { event: 'SUBMIT' });
    expect(submitted.status, submitted.text).toBe(200);
    const response = await fetch(`${server.apiUrl}/deviations/${submitted.json.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${quinnTokens.accessToken}`,
        'content-type': 'application/json',
        'if-match': `"${submitted.json.version}"`,
      },
      body: JSON.stringify({ changes: { immediateActions: 'Lot 24-201 on hold.' }, reason: 'Assessment' }),
    });
    const assessed = await response.json();
    expect(response.status, JSON.stringify(assessed)).toBe(200);
    const ready = await transition(quinnTokens.accessToken, assessed, { event: 'SUBMIT_ASSESSMENT' });
    expect(ready.status, ready.text).toBe(200);
    return ready.json;
  }

  async function reauthenticate(identity = quinn) {
    const started = await call('POST', '/auth/sso/reauthenticate', quinnTokens.accessToken);
    expect(started.status).toBe(200);
    const { callbackQuery, loginPagesShown } = await signInAtProvider(
      started.json.authorizationUrl,
      REDIRECT_URI,
      identity,
    );
    const completed = await call('POST', '/auth/sso/reauthenticate/complete', quinnTokens.accessToken, {
      callbackQuery,
    });
    return { ...completed, authorizationUrl: started.json.authorizationUrl as string, loginPagesShown };
  }

  const approve = (record: { id: string; version: number }, proof: string) =>
    transition(quinnTokens.accessToken, record, {
      event: 'APPROVE',
      signature: { password: proof, meaning: 'approval' },
    });

  it('tells the client the signer re-authenticates with the provider; a password user with none', async () => {
    expect((await call('GET', '/auth/sso/signing', quinnTokens.accessToken)).json).toEqual({
      provider: { displayName: 'Acme Identity' },
    });
    const qa = await login('qa@acme.example');
    expect((await call('GET', '/auth/sso/signing', qa.accessToken)).json).toEqual({ provider: null });
    expectProblem(await call('POST', '/auth/sso/reauthenticate', qa.accessToken), 409, 'sso_not_linked');
  });

  it('takes a re-authentication answer neither as a sign-in nor from another user', async () => {
    const started = await call('POST', '/auth/sso/reauthenticate', quinnTokens.accessToken);
    const { callbackQuery } = await signInAtProvider(started.json.authorizationUrl, REDIRECT_URI, quinn);
    expectProblem(
      await call('POST', '/auth/sso/complete', null, { callbackQuery }),
      400,
      'sso_state_invalid',
    );
    const other = await ssoSignIn(rita);
    expect(other.status, other.text).toBe(200);
    const again = await call('POST', '/auth/sso/reauthenticate', quinnTokens.accessToken);
    const answer = await signInAtProvider(again.json.authorizationUrl, REDIRECT_URI, quinn);
    expectProblem(
      await call('POST', '/auth/sso/reauthenticate/complete', other.json.accessToken, {
        callbackQuery: answer.callbackQuery,
      }),
      400,
      'sso_state_invalid',
    );
  });

  it('refuses a re-authentication whose login is not fresh (auth_time), and the login of someone else', async () => {
    idp.tamperNextIdToken((claims) => ({ ...claims, auth_time: Math.floor(Date.now() / 1000) - 600 }));
    expectProblem(await reauthenticate(), 401, 'sso_reauthentication_stale');
    expectProblem(await reauthenticate(rita), 403, 'sso_subject_mismatch');
  });

  it('asks the person for their credentials again at the provider, though they have a session there', async () => {
    const browserCookies = new Map<string, string>();
    const first = await call('POST', '/auth/sso/start', null, { email: quinn.email });
    const signedIn = await signInAtProvider(first.json.authorizationUrl, REDIRECT_URI, quinn, browserCookies);
    expect(signedIn.loginPagesShown).toBe(1);
    expect(
      (await call('POST', '/auth/sso/complete', null, { callbackQuery: signedIn.callbackQuery })).status,
    ).toBe(200);
    // A plain sign-in rides on the provider's session: no login page.
    const second = await call('POST', '/auth/sso/start', null, { email: quinn.email });
    const remembered = await signInAtProvider(
      second.json.authorizationUrl,
      REDIRECT_URI,
      quinn,
      browserCookies,
    );
    expect(remembered.loginPagesShown).toBe(0);
    expect(
      (await call('POST', '/auth/sso/complete', null, { callbackQuery: remembered.callbackQuery })).status,
    ).toBe(200);
    // Re-authentication for a signature does not: the provider asks again.
    const started = await call('POST', '/auth/sso/reauthenticate', quinnTokens.accessToken);
    const reauth = await signInAtProvider(started.json.authorizationUrl, REDIRECT_URI, quinn, browserCookies);
    expect(reauth.loginPagesShown).toBe(1);
    const completed = await call('POST', '/auth/sso/reauthenticate/complete', quinnTokens.accessToken, {
      callbackQuery: reauth.callbackQuery,
    });
    expect(completed.status, completed.text).toBe(200);
  });

  it('signs once with a fresh re-authentication at the provider (prompt=login, max_age=0)', async () => {
    const first = await awaitingApproval();
    const second = await awaitingApproval();
    const reauth = await reauthenticate();
    expect(reauth.status, reauth.text).toBe(200);
    const params = new URL(reauth.authorizationUrl).searchParams;
    expect({ prompt: params.get('prompt'), maxAge: params.get('max_age') }).toEqual({
      prompt: 'login',
      maxAge: '0',
    });
    expect(reauth.loginPagesShown).toBe(1);

    const signed = await approve(first, reauth.json.proof);
    expect(signed.status, signed.text).toBe(200);
    expect(signed.json.state).toBe('in_investigation');
    const signatures = await call('GET', `/deviations/${first.id}/signatures`, quinnTokens.accessToken);
    expect(signatures.json.items.at(-1).manifestation).toMatch(/^Approved by Quinn Sso, /);

    // Spent: the same proof signs nothing more.
    expectProblem(await approve(second, reauth.json.proof), 401, 'reauthentication_required');
    // A made-up proof neither.
    expectProblem(await approve(second, 'ssoproof_made-up'), 401, 'reauthentication_required');
  });

  it('refuses a proof older than two minutes by the server clock', async () => {
    const record = await awaitingApproval();
    const reauth = await reauthenticate();
    expect(reauth.status).toBe(200);
    clockOffsetMs = 3 * 60_000;
    try {
      expectProblem(await approve(record, reauth.json.proof), 401, 'reauthentication_stale');
    } finally {
      clockOffsetMs = 0;
    }
  });
});
