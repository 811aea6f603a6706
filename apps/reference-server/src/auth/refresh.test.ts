import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthHarness } from './testing/authTestHarness';
import { createAuthHarness } from './testing/authTestHarness';
import { refusal, refusalCode } from './testing/refusal';

let h: AuthHarness;
beforeAll(async () => {
  h = await createAuthHarness();
});
afterAll(() => h.close());

type TokenRow = {
  token_hash: string;
  user_id: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
};
const tokenRows = (userId: string) =>
  h.db
    .withTables<{ auth_refresh_tokens: TokenRow }>()
    .selectFrom('auth_refresh_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .execute();

// What the table keeps of a token, computed here independently of the code under test.
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

describe('refresh', () => {
  it('rotates: a new refresh token every time, and a fresh access token of the same session', async () => {
    const alice = await h.createUser();
    const first = await h.auth.login({ email: alice.email, password: alice.password });
    const sessionId = (await h.auth.verifyAccessToken(first.accessToken))!.sessionId;
    h.clock.advance({ minutes: 14 });

    const second = await h.auth.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.id).toBe(alice.id);
    expect((await h.auth.verifyAccessToken(second.accessToken))!.sessionId).toBe(sessionId);

    const third = await h.auth.refresh(second.refreshToken);
    expect((await h.auth.verifyAccessToken(third.accessToken))!.sessionId).toBe(sessionId);
  });

  it('stores only the SHA-256 of each token', async () => {
    const bob = await h.createUser();
    const { refreshToken } = await h.auth.login({ email: bob.email, password: bob.password });
    const rows = await tokenRows(bob.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(sha256(refreshToken));
    expect(JSON.stringify(rows)).not.toContain(refreshToken);
  });

  it('treats a second use of a token as theft: the whole family and its session are revoked', async () => {
    const carol = await h.createUser();
    const stolen = await h.auth.login({ email: carol.email, password: carol.password });
    const sessionId = (await h.auth.verifyAccessToken(stolen.accessToken))!.sessionId;
    const legit = await h.auth.refresh(stolen.refreshToken);

    // The thief replays the copied token.
    const reuse = await refusal(h.auth.refresh(stolen.refreshToken));
    expect(reuse.code).toBe('invalid_refresh_token');
    expect(h.eventsOf('refresh.reuse_detected', carol.id)).toEqual([
      { type: 'refresh.reuse_detected', userId: carol.id, sessionId, at: h.clock.now() },
    ]);

    // The rotated token and the session's access tokens die with the family.
    expect(await refusalCode(h.auth.refresh(legit.refreshToken))).toBe('invalid_refresh_token');
    expect(await h.auth.verifyAccessToken(legit.accessToken)).toBeNull();
    expect(await h.auth.verifyAccessToken(stolen.accessToken)).toBeNull();
    expect((await tokenRows(carol.id)).every((row) => row.revoked_at !== null)).toBe(true);
  });

  it('leaves the user’s other sessions alone when one family is revoked', async () => {
    const dave = await h.createUser();
    const phone = await h.auth.login({ email: dave.email, password: dave.password });
    const laptop = await h.auth.login({ email: dave.email, password: dave.password });
    const laptopSession = (await h.auth.verifyAccessToken(laptop.accessToken))!.sessionId;
    const phoneSession = (await h.auth.verifyAccessToken(phone.accessToken))!.sessionId;
    expect(laptopSession).not.toBe(phoneSession);
    await h.auth.refresh(phone.refreshToken);
    await refusal(h.auth.refresh(phone.refreshToken));

    expect(await h.auth.verifyAccessToken(phone.accessToken)).toBeNull();
    expect(await h.auth.verifyAccessToken(laptop.accessToken)).toMatchObject({
      userId: dave.id,
      sessionId: laptopSession,
    });
    const next = await h.auth.refresh(laptop.refreshToken);
    expect(await h.auth.verifyAccessToken(next.accessToken)).toMatchObject({
      userId: dave.id,
      sessionId: laptopSession,
    });
  });

  it('refuses an expired or unknown token without calling it theft', async () => {
    const erin = await h.createUser();
    const { refreshToken } = await h.auth.login({ email: erin.email, password: erin.password });
    h.clock.advance({ minutes: 12 * 60 });
    expect(await refusalCode(h.auth.refresh(refreshToken))).toBe('invalid_refresh_token');
    expect(await refusalCode(h.auth.refresh('not-a-token'))).toBe('invalid_refresh_token');
    expect(h.eventsOf('refresh.reuse_detected', erin.id)).toHaveLength(0);
  });

  it('keeps a session alive as long as it is refreshed within the token lifetime, up to its absolute lifetime', async () => {
    const frank = await h.createUser();
    const first = await h.auth.login({ email: frank.email, password: frank.password });
    const sessionId = (await h.auth.verifyAccessToken(first.accessToken))!.sessionId;
    const lifetimeMs = 12 * 60 * 60_000; // the default refresh token lifetime

    // Three refreshes 3 h 50 min apart: 11.5 hours, past the first access token's 15 minutes
    // many times over, each refresh within the lifetime of the last.
    let { refreshToken } = first;
    for (let i = 0; i < 3; i++) {
      h.clock.advance({ minutes: 230 });
      const previous = refreshToken;
      const next = await h.auth.refresh(previous);
      refreshToken = next.refreshToken;
      expect(refreshToken).not.toBe(previous);
      // A working access token of the same session, for the same user.
      expect(await h.auth.verifyAccessToken(next.accessToken)).toMatchObject({ userId: frank.id, sessionId });
      // The new token's expiry moves on: a full lifetime from this refresh.
      const rows = await tokenRows(frank.id);
      const current = rows.find((row) => row.token_hash === sha256(refreshToken));
      expect(current?.expires_at.getTime()).toBe(h.clock.now().getTime() + lifetimeMs);
      expect(current?.used_at).toBeNull();
    }
    // The login's own access token expired long ago: the refreshes alone kept the session.
    expect(await h.auth.verifyAccessToken(first.accessToken)).toBeNull();
    const rows = await tokenRows(frank.id);
    expect(rows).toHaveLength(4);
    expect(rows.filter((row) => row.used_at === null)).toHaveLength(1);
    expect(rows.every((row) => row.revoked_at === null)).toBe(true);

    // Left unrefreshed past its lifetime, the session ends: the last token is refused, not taken as theft.
    h.clock.advance({ minutes: 12 * 60 });
    expect(await refusalCode(h.auth.refresh(refreshToken))).toBe('invalid_refresh_token');
    expect(h.eventsOf('refresh.reuse_detected', frank.id)).toHaveLength(0);
  });

  it('ends a session at its absolute lifetime (12 hours by default) however often it is refreshed', async () => {
    const gina = await h.createUser();
    let { refreshToken, accessToken } = await h.auth.login({ email: gina.email, password: gina.password });
    for (let i = 0; i < 71; i++) {
      h.clock.advance({ minutes: 10 });
      ({ refreshToken, accessToken } = await h.auth.refresh(refreshToken));
    }
    // 11 h 50 min in, active all along: still open.
    expect(await h.auth.verifyAccessToken(accessToken)).not.toBeNull();
    h.clock.advance({ minutes: 11 });
    // Past 12 hours: the access token, within its own 15 minutes, stops, and so does the refresh.
    expect(await h.auth.verifyAccessToken(accessToken)).toBeNull();
    expect(await refusalCode(h.auth.refresh(refreshToken))).toBe('invalid_refresh_token');
    expect(h.eventsOf('session.revoked', gina.id)).toMatchObject([{ reason: 'session_expired' }]);
    expect(h.eventsOf('refresh.reuse_detected', gina.id)).toHaveLength(0);
  });

  it('picks up role changes in the new access token', async () => {
    const gina = await h.createUser({ roles: ['viewer'] });
    const { refreshToken } = await h.auth.login({ email: gina.email, password: gina.password });
    await h.db.insertInto('user_roles').values({ user_id: gina.id, role: 'qa_reviewer' }).execute();
    const next = await h.auth.refresh(refreshToken);
    expect(next.user.roles).toEqual(['qa_reviewer', 'viewer']);
  });
});
