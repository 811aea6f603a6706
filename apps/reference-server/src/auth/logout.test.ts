import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthHarness } from './testing/authTestHarness';
import { createAuthHarness } from './testing/authTestHarness';
import { refusalCode } from './testing/refusal';

let h: AuthHarness;
beforeAll(async () => {
  h = await createAuthHarness();
});
afterAll(() => h.close());

describe('logout (PART11 23)', () => {
  it('by refresh token: the access token stops verifying at once, long before it expires', async () => {
    const alice = await h.createUser();
    const session = await h.auth.login({ email: alice.email, password: alice.password });
    expect(await h.auth.verifyAccessToken(session.accessToken)).not.toBeNull();

    await h.auth.logout({ refreshToken: session.refreshToken });

    expect(await h.auth.verifyAccessToken(session.accessToken)).toBeNull();
    expect(await refusalCode(h.auth.refresh(session.refreshToken))).toBe('invalid_refresh_token');
    expect(h.eventsOf('session.revoked', alice.id)).toMatchObject([{ reason: 'logout' }]);
  });

  it('by session id, leaving the user’s other sessions open', async () => {
    const bob = await h.createUser();
    const desk = await h.auth.login({ email: bob.email, password: bob.password });
    const lab = await h.auth.login({ email: bob.email, password: bob.password });
    const { sessionId } = (await h.auth.verifyAccessToken(desk.accessToken))!;

    await h.auth.logout({ sessionId });

    expect(await h.auth.verifyAccessToken(desk.accessToken)).toBeNull();
    expect(await h.auth.verifyAccessToken(lab.accessToken)).not.toBeNull();
  });

  it('is idempotent and quiet about unknown sessions', async () => {
    const carol = await h.createUser();
    const session = await h.auth.login({ email: carol.email, password: carol.password });
    await h.auth.logout({ refreshToken: session.refreshToken });
    await h.auth.logout({ refreshToken: session.refreshToken });
    await h.auth.logout({ sessionId: 'no-such-session' });
    expect(h.eventsOf('session.revoked', carol.id)).toHaveLength(1);
  });
});

describe('deactivateUser (PART11 23)', () => {
  it('revokes every session and refresh token at once, and refuses new logins', async () => {
    const dave = await h.createUser();
    const one = await h.auth.login({ email: dave.email, password: dave.password });
    const two = await h.auth.login({ email: dave.email, password: dave.password });

    await h.auth.deactivateUser(dave.id);

    for (const session of [one, two]) {
      expect(await h.auth.verifyAccessToken(session.accessToken)).toBeNull();
      expect(await refusalCode(h.auth.refresh(session.refreshToken))).toBe('invalid_refresh_token');
    }
    expect(await refusalCode(h.auth.login({ email: dave.email, password: dave.password }))).toBe(
      'account_inactive',
    );
    const user = await h.db
      .selectFrom('users')
      .select('active')
      .where('id', '=', dave.id)
      .executeTakeFirstOrThrow();
    expect(user.active).toBe(false);
    expect(h.eventsOf('user.deactivated', dave.id)).toHaveLength(1);
  });

  it('also takes effect when `users.active` is cleared by someone else', async () => {
    const erin = await h.createUser();
    const session = await h.auth.login({ email: erin.email, password: erin.password });
    await h.db.updateTable('users').set({ active: false }).where('id', '=', erin.id).execute();
    expect(await h.auth.verifyAccessToken(session.accessToken)).toBeNull();
    expect(await refusalCode(h.auth.refresh(session.refreshToken))).toBe('invalid_refresh_token');
  });

  it('refuses an unknown user', async () => {
    expect(await refusalCode(h.auth.deactivateUser('nobody'))).toBe('user_not_found');
  });
});
