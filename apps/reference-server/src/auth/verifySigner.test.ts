import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthHarness, TestUser } from './testing/authTestHarness';
import { createAuthHarness } from './testing/authTestHarness';
import { refusalCode } from './testing/refusal';
import { signingNeedsUsername } from './verifySigner';

let h: AuthHarness;
beforeAll(async () => {
  h = await createAuthHarness();
});
afterAll(() => h.close());

async function signedIn(user?: TestUser) {
  const signer = user ?? (await h.createUser({ roles: ['qa_approver'] }));
  let tokens = await h.auth.login({ email: signer.email, password: signer.password });
  const { sessionId } = (await h.auth.verifyAccessToken(tokens.accessToken))!;
  /**
   * A request of the signed-in user, as the server sees it before any route runs; like a real
   * client, it refreshes an expired access token first.
   */
  const request = async () => {
    const principal = await h.auth.verifyAccessToken(tokens.accessToken);
    if (principal) return principal;
    tokens = await h.auth.refresh(tokens.refreshToken);
    return h.auth.verifyAccessToken(tokens.accessToken);
  };
  return { signer, sessionId, tokens, request };
}

describe('verifySigner: two components (21 CFR 11.200(a)(1), PART11 17)', () => {
  it('takes user name and password for the first signing of a session', async () => {
    const { signer, sessionId } = await signedIn();
    expect(await h.auth.verifySigner({ userId: signer.id, sessionId, password: signer.password })).toEqual({
      ok: false,
      code: 'username_required',
    });
    expect(
      await h.auth.verifySigner({
        userId: signer.id,
        sessionId,
        username: signer.email,
        password: signer.password,
      }),
    ).toEqual({ ok: true, printedName: signer.displayName });
  });

  it('takes the password alone for later signings of the same continuous session', async () => {
    const { signer, sessionId, request } = await signedIn();
    await h.auth.verifySigner({
      userId: signer.id,
      sessionId,
      username: signer.email,
      password: signer.password,
    });
    h.clock.advance({ minutes: 5 });
    await request();
    expect(
      await h.auth.verifySigner({ userId: signer.id, sessionId, password: signer.password }),
    ).toMatchObject({
      ok: true,
    });
    h.clock.advance({ minutes: 10 });
    expect(
      await h.auth.verifySigner({ userId: signer.id, sessionId, password: signer.password }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('stays continuous through an hour of steady activity', async () => {
    const { signer, sessionId, request } = await signedIn();
    await h.auth.verifySigner({
      userId: signer.id,
      sessionId,
      username: signer.email,
      password: signer.password,
    });
    for (let i = 0; i < 6; i++) {
      h.clock.advance({ minutes: 10 });
      expect(await request()).not.toBeNull();
    }
    expect(
      await h.auth.verifySigner({ userId: signer.id, sessionId, password: signer.password }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('takes both again after signingIdleMinutes without activity', async () => {
    const { signer, sessionId, request } = await signedIn();
    await h.auth.verifySigner({
      userId: signer.id,
      sessionId,
      username: signer.email,
      password: signer.password,
    });
    h.clock.advance({ minutes: 31 });
    // The signing request itself is activity; it must not hide the idle gap before it.
    expect(await request()).not.toBeNull();
    expect(await h.auth.verifySigner({ userId: signer.id, sessionId, password: signer.password })).toEqual({
      ok: false,
      code: 'username_required',
    });
    expect(
      await h.auth.verifySigner({
        userId: signer.id,
        sessionId,
        username: signer.email,
        password: signer.password,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await h.auth.verifySigner({ userId: signer.id, sessionId, password: signer.password }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('takes both again after the idle period even when no request came in between', async () => {
    const { signer, sessionId } = await signedIn();
    await h.auth.verifySigner({
      userId: signer.id,
      sessionId,
      username: signer.email,
      password: signer.password,
    });
    h.clock.advance({ minutes: 30 });
    expect(
      await h.auth.verifySigner({ userId: signer.id, sessionId, password: signer.password }),
    ).toMatchObject({
      ok: true,
    });
    h.clock.advance({ minutes: 30, seconds: 1 });
    expect(await h.auth.verifySigner({ userId: signer.id, sessionId, password: signer.password })).toEqual({
      ok: false,
      code: 'username_required',
    });
  });

  it('takes both again in a new session', async () => {
    const first = await signedIn();
    const { signer } = first;
    await h.auth.verifySigner({
      userId: signer.id,
      sessionId: first.sessionId,
      username: signer.email,
      password: signer.password,
    });
    const second = await signedIn(signer);
    expect(
      await h.auth.verifySigner({
        userId: signer.id,
        sessionId: second.sessionId,
        password: signer.password,
      }),
    ).toEqual({ ok: false, code: 'username_required' });
    // The first session keeps its own continuity.
    expect(
      await h.auth.verifySigner({ userId: signer.id, sessionId: first.sessionId, password: signer.password }),
    ).toMatchObject({ ok: true });
  });

  it('follows a configured idle period', async () => {
    const strict = h.service({ policy: { signingIdleMinutes: 5 } });
    const { signer, sessionId } = await signedIn();
    await strict.verifySigner({
      userId: signer.id,
      sessionId,
      username: signer.email,
      password: signer.password,
    });
    h.clock.advance({ minutes: 6 });
    expect(await strict.verifySigner({ userId: signer.id, sessionId, password: signer.password })).toEqual({
      ok: false,
      code: 'username_required',
    });
  });

  it('takes both every time when the host has no session', async () => {
    const { signer } = await signedIn();
    await h.auth.verifySigner({ userId: signer.id, username: signer.email, password: signer.password });
    expect(await h.auth.verifySigner({ userId: signer.id, password: signer.password })).toEqual({
      ok: false,
      code: 'username_required',
    });
  });

  it('records the signing time on the session', async () => {
    const { signer, sessionId } = await signedIn();
    h.clock.advance({ minutes: 2 });
    await h.auth.verifySigner({
      userId: signer.id,
      sessionId,
      username: signer.email,
      password: signer.password,
    });
    const row = await h.db
      .withTables<{ auth_sessions: { id: string; last_signed_at: Date | null } }>()
      .selectFrom('auth_sessions')
      .select('last_signed_at')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(row.last_signed_at).toEqual(h.clock.now());
  });
});

describe('verifySigner: refusals', () => {
  it('refuses a wrong user name or password with the same code', async () => {
    const { signer, sessionId } = await signedIn();
    const other = await h.createUser();
    expect(
      await h.auth.verifySigner({
        userId: signer.id,
        sessionId,
        username: other.email,
        password: signer.password,
      }),
    ).toEqual({ ok: false, code: 'invalid_credentials' });
    expect(
      await h.auth.verifySigner({
        userId: signer.id,
        sessionId,
        username: signer.email,
        password: other.password,
      }),
    ).toEqual({ ok: false, code: 'invalid_credentials' });
    expect(h.eventsOf('signing.failed', signer.id).map((e) => 'reason' in e && e.reason)).toEqual([
      'wrong_username',
      'wrong_password',
    ]);
  });

  it('counts failed signings toward lockout, like failed logins', async () => {
    const { signer, sessionId } = await signedIn();
    const attempt = () =>
      h.auth.verifySigner({
        userId: signer.id,
        sessionId,
        username: signer.email,
        password: 'not my password',
      });
    for (let i = 0; i < 4; i++) expect(await attempt()).toEqual({ ok: false, code: 'invalid_credentials' });
    expect(await attempt()).toEqual({ ok: false, code: 'account_locked' });
    expect(h.eventsOf('account.locked', signer.id)).toHaveLength(1);
    expect(
      await h.auth.verifySigner({
        userId: signer.id,
        sessionId,
        username: signer.email,
        password: signer.password,
      }),
    ).toEqual({ ok: false, code: 'account_locked' });
    // Login answers a locked account as a wrong password (issue #12); the signer hears it is locked.
    expect(await refusalCode(h.auth.login({ email: signer.email, password: signer.password }))).toBe(
      'invalid_credentials',
    );
  });

  it('shares the count with login failures', async () => {
    const { signer, sessionId } = await signedIn();
    for (let i = 0; i < 3; i++)
      await h.auth.login({ email: signer.email, password: 'wrong wrong wrong' }).catch(() => {});
    await h.auth.verifySigner({
      userId: signer.id,
      sessionId,
      username: signer.email,
      password: 'wrong again!',
    });
    expect(
      await h.auth.verifySigner({
        userId: signer.id,
        sessionId,
        username: signer.email,
        password: 'wrong again!',
      }),
    ).toEqual({ ok: false, code: 'account_locked' });
  });

  it('refuses a session of someone else, or one that has ended', async () => {
    const { signer, sessionId, tokens } = await signedIn();
    const other = await h.createUser();
    expect(
      await h.auth.verifySigner({
        userId: other.id,
        sessionId,
        username: other.email,
        password: other.password,
      }),
    ).toEqual({ ok: false, code: 'invalid_credentials' });
    await h.auth.logout({ refreshToken: tokens.refreshToken });
    expect(
      await h.auth.verifySigner({
        userId: signer.id,
        sessionId,
        username: signer.email,
        password: signer.password,
      }),
    ).toEqual({ ok: false, code: 'invalid_credentials' });
  });

  it('refuses a signer whose password has expired', async () => {
    const { signer, sessionId } = await signedIn();
    h.clock.advance({ days: 90 });
    expect(
      await h.auth.verifySigner({
        userId: signer.id,
        sessionId,
        username: signer.email,
        password: signer.password,
      }),
    ).toEqual({ ok: false, code: 'password_change_required' });
  });
});

describe('signingNeedsUsername', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, minutes));
  it('is a pure rule over the session’s times', () => {
    const session = { continuousSince: at(0), lastSeenAt: at(10), lastSignedAt: null };
    expect(signingNeedsUsername(session, at(11), 30)).toBe(true);
    expect(signingNeedsUsername({ ...session, lastSignedAt: at(5) }, at(11), 30)).toBe(false);
    expect(signingNeedsUsername({ ...session, lastSignedAt: at(5) }, at(41), 30)).toBe(true);
    expect(
      signingNeedsUsername({ ...session, continuousSince: at(20), lastSignedAt: at(5) }, at(21), 30),
    ).toBe(true);
  });
});
