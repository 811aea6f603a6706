/**
 * Invitations and password resets by single-use links, e-mailed from the outbox to a real SMTP
 * server in the test process: an administrator never chooses or sees a password, and after a
 * reset holds nothing to sign in or sign as the user with (PART11 18).
 */
import type { OutboxEvent } from '@masetra/server-kit';
import { generate } from 'otplib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ReceivedMail, type SmtpInbox, startSmtpInbox } from '../testing/smtpInbox';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import { commandLineActor } from '../users/userTrail';
import { LINK_MAIL_EVENT, linkMailDelivery } from './linkMail';
import { type MailTransport, smtpTransport } from './mailTransport';

const PUBLIC_URL = 'https://qms.acme.example';
/** Each person's password before any reset: one the administrator may be told, or guess. */
const OLD_PASSWORD = 'Original-password-1';
const ADMIN_PASSWORD = 'Admin-own-password-1';

/** The one set-up token the mail's links carry (text and HTML carry the same). */
function tokenOf(mail: ReceivedMail): string {
  const tokens = new Set([...mail.body.matchAll(/\/setup#token=([A-Za-z0-9_-]+)/g)].map((match) => match[1]));
  expect(tokens.size).toBe(1);
  return [...tokens][0] as string;
}

let smtp: SmtpInbox;
let received: ReceivedMail[];
let server: RunningReferenceServer;
let now = Date.now();

beforeAll(async () => {
  smtp = await startSmtpInbox();
  received = smtp.received;
  // Its own organization, not the demo seed: every account here comes from a mailed link.
  server = await startReferenceServer({
    seed: false,
    authOptions: { clock: () => new Date(now) },
    mail: { publicUrl: PUBLIC_URL, smtpUrl: smtp.url, from: 'Masetra <no-reply@qms.acme.example>' },
  });
  const { token } = await server.administration.createOrganization({
    name: 'Acme Pharma',
    adminEmail: 'admin@acme.example',
    adminName: 'Alex Admin',
    actor: commandLineActor,
    source: { client: 'password-links-test' },
  });
  expect((await post('/auth/setup', { token, newPassword: ADMIN_PASSWORD })).status).toBe(200);
  const admin = await signedIn('admin@acme.example', ADMIN_PASSWORD);
  for (const [email, displayName] of [
    ['viewer@acme.example', 'Victor Viewer'],
    ['auditor@acme.example', 'Ada Auditor'],
    ['investigator@acme.example', 'Ivan Novak'],
    ['doccontrol@acme.example', 'Dana Reyes'],
  ] as const) {
    received.length = 0;
    const created = await post('/users', { email, displayName, roles: ['viewer'] }, admin.accessToken);
    expect(created.status).toBe(201);
    await server.runBackgroundWorkOnce();
    const invitation = tokenOf(received[0] as ReceivedMail);
    expect((await post('/auth/setup', { token: invitation, newPassword: OLD_PASSWORD })).status).toBe(200);
  }
}, 120_000);
afterAll(async () => {
  await server.close();
  await smtp.close();
});
beforeEach(() => {
  received.length = 0;
});

async function post(path: string, body: unknown, token?: string) {
  const response = await fetch(`${server.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, text };
}

const login = (email: string, password: string) => post('/auth/login', { email, password });

async function signedIn(email: string, password = OLD_PASSWORD) {
  const result = await login(email, password);
  expect(result.status).toBe(200);
  return result.json as { accessToken: string; refreshToken: string; user: { id: string } };
}

async function me(accessToken: string) {
  return (await fetch(`${server.apiUrl}/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
}

/** The user's link mails in the outbox, oldest first. */
async function outboxRows(userId: string) {
  const rows = await server.storage.db
    .selectFrom('outbox')
    .select(['id', 'type', 'payload', 'delivered_at'])
    .where('type', '=', LINK_MAIL_EVENT)
    .orderBy('id')
    .execute();
  return rows.filter((row) => (row.payload as { userId: string }).userId === userId);
}

describe("an administrator's password reset", () => {
  let admin: Awaited<ReturnType<typeof signedIn>>;
  let viewer: Awaited<ReturnType<typeof signedIn>>;
  let link: string;

  it('ends the password and every session at once, answers with neither a password nor a link, and e-mails one link', async () => {
    admin = await signedIn('admin@acme.example', ADMIN_PASSWORD);
    viewer = await signedIn('viewer@acme.example');
    const reset = await post(`/users/${viewer.user.id}/password-reset`, {}, admin.accessToken);
    expect(reset.status).toBe(200);
    expect(reset.json).toEqual({ ok: true });

    expect(await me(viewer.accessToken)).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: viewer.refreshToken })).status).toBe(401);
    expect((await login('viewer@acme.example', OLD_PASSWORD)).status).toBe(401);

    await server.runBackgroundWorkOnce();
    expect(received).toHaveLength(1);
    const [mail] = received as [ReceivedMail];
    expect(mail.to).toBe('viewer@acme.example');
    expect(mail.subject).toBe('Choose a new Masetra password');
    const row = (await outboxRows(viewer.user.id)).at(-1);
    expect(mail.messageId).toBe(`<${row?.id}.link@qms.acme.example>`);
    link = tokenOf(mail);
    expect(mail.body).toContain(`${PUBLIC_URL}/setup#token=${link}`);
    // Delivered, and the token no longer kept anywhere but in the user's mailbox.
    expect(row?.delivered_at).not.toBeNull();
    expect(row?.payload).toMatchObject({ token: null, kind: 'password_reset' });
  });

  it('leaves the administrator nothing to sign in, change the password or sign as the user with', async () => {
    // What the administrator holds: the user's old password (say they were told it), their own, and their session.
    for (const password of [OLD_PASSWORD, ADMIN_PASSWORD]) {
      expect((await login('viewer@acme.example', password)).status).toBe(401);
      const change = await post('/auth/password', {
        email: 'viewer@acme.example',
        currentPassword: password,
        newPassword: 'Chosen-by-the-admin-1',
      });
      // Refused as wrong, and once locked still as wrong: the attempts count toward lockout.
      expect(change.status).toBe(401);
    }
    // Five failures from one address locked it out; the user is told by e-mail, the caller is not.
    received.length = 0;
    await server.runBackgroundWorkOnce();
    expect(received.map((mail) => [mail.to, mail.subject])).toEqual([
      ['viewer@acme.example', 'Masetra sign-ins paused'],
    ]);
    received.length = 0;
    // The reset's answer carried no token, so the set-up route has nothing to take from them.
    expect(
      (await post('/auth/setup', { token: 'x'.repeat(43), newPassword: 'Admin-knows-this-1' })).status,
    ).toBe(401);
    // Their own session is theirs: /me answers as the administrator, not the user.
    const self = await fetch(`${server.apiUrl}/me`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect((await self.json()).id).toBe(admin.user.id);
  });

  it('lets the user choose a password with the link, once', async () => {
    const chosen = await post('/auth/setup', { token: link, newPassword: 'Viewer-own-choice-7' });
    expect(chosen.json).toMatchObject({ user: { email: 'viewer@acme.example' } });
    expect(chosen.status).toBe(200);
    expect(chosen.json.user.email).toBe('viewer@acme.example');
    expect(chosen.json.user.mustChangePassword).toBe(false);
    expect((await login('viewer@acme.example', 'Viewer-own-choice-7')).status).toBe(200);

    const again = await post('/auth/setup', { token: link, newPassword: 'Someone-else-9' });
    expect(again.status).toBe(401);
    expect(again.json.code).toBe('setup_link_invalid');
    expect((await login('viewer@acme.example', 'Someone-else-9')).status).toBe(401);
  });

  it('makes a link good for 30 minutes', async () => {
    const reset = async () => {
      received.length = 0;
      expect((await post(`/users/${viewer.user.id}/password-reset`, {}, admin.accessToken)).status).toBe(200);
      await server.runBackgroundWorkOnce();
      expect(received).toHaveLength(1);
      return tokenOf(received[0] as ReceivedMail);
    };
    const late = await reset();
    now += 31 * 60_000;
    expect((await post('/auth/setup', { token: late, newPassword: 'Too-late-password-1' })).status).toBe(401);

    admin = await signedIn('admin@acme.example', ADMIN_PASSWORD);
    const inTime = await reset();
    now += 29 * 60_000;
    expect((await post('/auth/setup', { token: inTime, newPassword: 'Just-in-time-pass-2' })).status).toBe(
      200,
    );
  });
});

describe('a new user', () => {
  it('is invited by e-mail to choose their own password; the administrator never sees one', async () => {
    const admin = await signedIn('admin@acme.example', ADMIN_PASSWORD);
    const created = await post(
      '/users',
      { email: 'ines.invited@acme.example', displayName: 'Ines Invited', roles: ['viewer'] },
      admin.accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.text).not.toMatch(/token|password|setup/i);
    await server.runBackgroundWorkOnce();
    expect(received.map((mail) => [mail.to, mail.subject])).toEqual([
      ['ines.invited@acme.example', 'Your Masetra account at Acme Pharma'],
    ]);
    const token = tokenOf(received[0] as ReceivedMail);
    expect((await post('/auth/setup', { token, newPassword: 'Ines-own-choice-3' })).status).toBe(200);
    expect((await login('ines.invited@acme.example', 'Ines-own-choice-3')).status).toBe(200);
  });
});

describe('forgot password', () => {
  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const known = await post('/auth/forgot-password', { email: 'Auditor@acme.example' });
    const unknown = await post('/auth/forgot-password', { email: 'nobody@acme.example' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.text).toBe(known.text);
    await server.runBackgroundWorkOnce();
    expect(received.map((mail) => mail.to)).toEqual(['auditor@acme.example']);
    // Asking does not lock the owner out: the password works until a new one is chosen.
    expect((await login('auditor@acme.example', OLD_PASSWORD)).status).toBe(200);
    const token = tokenOf(received[0] as ReceivedMail);
    expect((await post('/auth/setup', { token, newPassword: 'Auditor-new-pass-5' })).status).toBe(200);
    expect((await login('auditor@acme.example', OLD_PASSWORD)).status).toBe(401);
  });
});

describe('an account with an authenticator', () => {
  it('needs its code as well as the link: the mailbox alone is one factor', async () => {
    const ines = await signedIn('ines.invited@acme.example', 'Ines-own-choice-3');
    const headers = { authorization: `Bearer ${ines.accessToken}` };
    // Enrolment asks for the password again.
    const enrolment = await fetch(`${server.apiUrl}/auth/totp`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'Ines-own-choice-3' }),
    });
    const { secret } = (await enrolment.json()) as { secret: string };
    const code = (offsetSeconds = 0) => generate({ secret, epoch: Math.floor(now / 1000) + offsetSeconds });
    expect((await post('/auth/totp/confirm', { otp: await code() }, ines.accessToken)).status).toBe(200);

    expect((await post('/auth/forgot-password', { email: 'ines.invited@acme.example' })).status).toBe(202);
    await server.runBackgroundWorkOnce();
    const token = tokenOf(received[0] as ReceivedMail);
    const withoutCode = await post('/auth/setup', { token, newPassword: 'Mailbox-reader-1' });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.json.code).toBe('otp_required');
    const wrongCode = await post('/auth/setup', { token, newPassword: 'Mailbox-reader-1', otp: '000000' });
    expect(wrongCode.json.code).toBe('invalid_otp');
    expect((await login('ines.invited@acme.example', 'Mailbox-reader-1')).status).toBe(401);

    const withCode = await post('/auth/setup', {
      token,
      newPassword: 'Ines-second-choice-4',
      otp: await code(30),
    });
    expect(withCode.status).toBe(200);
  });
});

describe('delivery from the outbox', () => {
  /** The reset's row as a worker claims it, before any delivery. */
  async function pendingReset(email: string): Promise<OutboxEvent> {
    const admin = await signedIn('admin@acme.example', ADMIN_PASSWORD);
    const user = await signedIn(email);
    expect((await post(`/users/${user.user.id}/password-reset`, {}, admin.accessToken)).status).toBe(200);
    const row = (await outboxRows(user.user.id)).at(-1);
    return claimed(row?.id as string);
  }

  /** The row as a worker claims it now. */
  async function claimed(id: string): Promise<OutboxEvent> {
    const full = await server.storage.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      id: full.id,
      orgId: full.org_id,
      type: full.type,
      payload: full.payload,
      createdAt: new Date(full.created_at).toISOString(),
      attempts: full.attempts,
      lastError: full.last_error,
    };
  }

  /** A process that dies once: before the SMTP server has the mail, or after, before the row is marked. */
  function dyingOnce(when: 'before' | 'after'): MailTransport {
    const real = smtpTransport(smtp.url, 'no-reply@qms.acme.example');
    let died = false;
    return {
      async send(mail) {
        if (!died && when === 'before') {
          died = true;
          throw new Error('process died before sending');
        }
        await real.send(mail);
        if (!died) {
          died = true;
          throw new Error('process died after sending');
        }
      },
      close: () => real.close(),
    };
  }

  const deliveryWith = (transport: MailTransport) =>
    linkMailDelivery({ db: server.storage.db, transport, publicUrl: PUBLIC_URL });

  it('sends a message exactly once when the process died before the SMTP server had it', async () => {
    const event = await pendingReset('investigator@acme.example');
    const transport = dyingOnce('before');
    await expect(deliveryWith(transport)(event)).rejects.toThrow('died before');
    expect(received).toHaveLength(0);
    await server.runBackgroundWorkOnce();
    await server.runBackgroundWorkOnce();
    expect(received.map((mail) => mail.to)).toEqual(['investigator@acme.example']);
    transport.close();
  });

  it('repeats a message the SMTP server had under the same Message-ID, and never after the row is marked', async () => {
    const event = await pendingReset('doccontrol@acme.example');
    const transport = dyingOnce('after');
    await expect(deliveryWith(transport)(event)).rejects.toThrow('died after');
    await server.runBackgroundWorkOnce();
    await server.runBackgroundWorkOnce();
    // Twice on the wire, one message to a receiver that tells repeats by Message-ID.
    expect(received.map((mail) => mail.to)).toEqual(['doccontrol@acme.example', 'doccontrol@acme.example']);
    expect(new Set(received.map((mail) => mail.messageId))).toEqual(
      new Set([`<${event.id}.link@qms.acme.example>`]),
    );
    expect(tokenOf(received[0] as ReceivedMail)).toBe(tokenOf(received[1] as ReceivedMail));
    // A worker that took the row over after delivery finds the token gone and sends nothing.
    await deliveryWith(transport)(await claimed(event.id));
    expect(received).toHaveLength(2);
    transport.close();
  });
});
