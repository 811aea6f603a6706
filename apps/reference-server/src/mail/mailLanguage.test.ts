/**
 * E-mails in the recipient's language (issue 12): the language an administrator gives a new user,
 * or the user chooses on their account page, is the one their invitation, resets and notices are
 * written in, read at delivery. Delivered to a real SMTP server in the test process.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodedSubject, type SmtpInbox, startSmtpInbox } from '../testing/smtpInbox';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import { commandLineActor } from '../users/userTrail';

const ADMIN_PASSWORD = 'Admin-own-password-1';
const USER_PASSWORD = 'Users-own-password-2';

let smtp: SmtpInbox;
let server: RunningReferenceServer;
let adminToken: string;

async function call(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${server.apiUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text ? JSON.parse(text) : null,
    type: response.headers.get('content-type'),
  };
}

/** Delivers what the outbox holds and answers the mails that arrived, as `[to, subject]` a mail program shows. */
async function deliveredMail(): Promise<[string, string][]> {
  await server.runBackgroundWorkOnce();
  const mails = smtp.received.map((mail) => [mail.to, decodedSubject(mail.subject)] as [string, string]);
  smtp.received.length = 0;
  return mails;
}

/** The set-up token a mail's link carries. */
function tokenIn(body: string): string {
  const match = /\/setup#token=([A-Za-z0-9_-]+)/.exec(body);
  if (!match) throw new Error('No set-up link in the mail');
  return match[1] as string;
}

async function inviteAndSetUp(email: string, displayName: string, locale?: 'en' | 'de') {
  const created = await call(
    'POST',
    '/users',
    { email, displayName, roles: ['viewer'], ...(locale ? { locale } : {}) },
    adminToken,
  );
  expect(created.status).toBe(201);
  await server.runBackgroundWorkOnce();
  const invitation = smtp.received.find((mail) => mail.to === email);
  if (!invitation) throw new Error(`No invitation reached ${email}`);
  const setUp = await call('POST', '/auth/setup', {
    token: tokenIn(invitation.body),
    newPassword: USER_PASSWORD,
  });
  expect(setUp.status).toBe(200);
  return { user: created.json as { id: string; locale?: string }, invitation, session: setUp.json };
}

beforeAll(async () => {
  smtp = await startSmtpInbox();
  server = await startReferenceServer({
    seed: false,
    mail: {
      publicUrl: 'https://qms.acme.example',
      smtpUrl: smtp.url,
      from: 'Masetra <no-reply@qms.acme.example>',
      defaultLocale: 'en',
    },
  });
  const { token } = await server.administration.createOrganization({
    name: 'Acme Pharma',
    adminEmail: 'admin@acme.example',
    adminName: 'Alex Admin',
    actor: commandLineActor,
    source: { client: 'mail-language-test' },
  });
  expect((await call('POST', '/auth/setup', { token, newPassword: ADMIN_PASSWORD })).status).toBe(200);
  const login = await call('POST', '/auth/login', { email: 'admin@acme.example', password: ADMIN_PASSWORD });
  adminToken = login.json.accessToken;
}, 120_000);
afterAll(async () => {
  await server.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.received.length = 0;
});

describe('the language of a user’s e-mails', () => {
  it('is the one the administrator gave: a German user is invited in German, everyone else in the server’s default', async () => {
    const german = await inviteAndSetUp('greta@acme.example', 'Greta Gruber', 'de');
    expect(german.user.locale).toBe('de');
    expect(decodedSubject(german.invitation.subject)).toBe('Ihr Masetra-Konto bei Acme Pharma');
    expect(german.invitation.body).toContain('Passwort wählen');
    expect(german.invitation.body).toContain('<html lang="de">');

    const english = await inviteAndSetUp('edward@acme.example', 'Edward Evans');
    expect(english.user.locale).toBeUndefined();
    expect(decodedSubject(english.invitation.subject)).toBe('Your Masetra account at Acme Pharma');

    // The session and the users list say which language each chose.
    expect(german.session.user.locale).toBe('de');
    const users = await call('GET', '/users', undefined, adminToken);
    const byEmail = new Map(
      (users.json.items as { email: string; locale?: string }[]).map((u) => [u.email, u]),
    );
    expect(byEmail.get('greta@acme.example')?.locale).toBe('de');
    expect(byEmail.get('edward@acme.example')?.locale).toBeUndefined();
  });

  it('is the one the user chose on their account page, from the next mail on', async () => {
    const login = await call('POST', '/auth/login', {
      email: 'edward@acme.example',
      password: USER_PASSWORD,
    });
    expect(login.json).toMatchObject({ user: { email: 'edward@acme.example' } });
    const chosen = await call('PUT', '/account/locale', { locale: 'de' }, login.json.accessToken);
    expect(chosen.status).toBe(200);
    expect(chosen.json).toEqual({ locale: 'de' });
    expect((await call('GET', '/me', undefined, login.json.accessToken)).json.locale).toBe('de');

    expect((await call('POST', '/auth/forgot-password', { email: 'edward@acme.example' })).status).toBe(202);
    expect(await deliveredMail()).toEqual([['edward@acme.example', 'Neues Masetra-Passwort wählen']]);
  });

  it('is read when the mail is delivered: a language changed while it waits in the outbox is the one it is written in', async () => {
    const greta = (await call('GET', '/users', undefined, adminToken)).json.items.find(
      (user: { email: string }) => user.email === 'greta@acme.example',
    );
    expect((await call('POST', `/users/${greta.id}/password-reset`, {}, adminToken)).status).toBe(200);
    // Before delivery the administrator changes her language (at her request): a trail entry says so.
    const changed = await call('PATCH', `/users/${greta.id}`, { locale: 'en' }, adminToken);
    expect(changed.status).toBe(200);
    expect(changed.json.locale).toBe('en');
    expect(await deliveredMail()).toEqual([['greta@acme.example', 'Choose a new Masetra password']]);

    const trail = await call('GET', `/audit-trail?recordId=${greta.id}`, undefined, adminToken);
    const update = (
      trail.json.items as { action: string; changes: { field: string; old: unknown; new: unknown }[] }[]
    )
      .filter((entry) => entry.action === 'update')
      .at(-1);
    expect(update?.changes).toContainEqual({ field: 'locale', old: 'de', new: 'en' });
  });

  it('must be one Masetra speaks: anything else is a 422 problem and changes nothing', async () => {
    const login = await call('POST', '/auth/login', {
      email: 'admin@acme.example',
      password: ADMIN_PASSWORD,
    });
    const refused = await call('PUT', '/account/locale', { locale: 'fr' }, login.json.accessToken);
    expect(refused.status).toBe(422);
    expect(refused.type).toContain('application/problem+json');
    expect((await call('GET', '/me', undefined, login.json.accessToken)).json.locale).toBeUndefined();

    const badCreate = await call(
      'POST',
      '/users',
      { email: 'nobody@acme.example', displayName: 'No Body', roles: [], locale: 'xx' },
      adminToken,
    );
    expect(badCreate.status).toBe(422);
    const users = (await call('GET', '/users', undefined, adminToken)).json.items as { email: string }[];
    expect(users.map((user) => user.email)).not.toContain('nobody@acme.example');
    expect(await deliveredMail()).toEqual([]);
  });
});
