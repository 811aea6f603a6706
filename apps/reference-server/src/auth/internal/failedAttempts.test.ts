import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthHarness, TestUser } from '../testing/authTestHarness';
import { createAuthHarness } from '../testing/authTestHarness';
import { refusal, refusalCode } from '../testing/refusal';

let h: AuthHarness;
beforeAll(async () => {
  h = await createAuthHarness();
});
afterAll(() => h.close());

const WRONG = 'definitely not it';

async function failLogins(user: TestUser, times: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < times; i++)
    codes.push(await refusalCode(h.auth.login({ email: user.email, password: WRONG })));
  return codes;
}

describe('lockout after repeated failures (PART11 24)', () => {
  it('locks the account on the fifth consecutive failure and tells security', async () => {
    const alice = await h.createUser();
    const codes = await failLogins(alice, 5);
    expect(codes).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'account_locked',
    ]);
    const locked = await refusal(h.auth.login({ email: alice.email, password: alice.password }));
    expect(locked.code).toBe('account_locked');
    expect(locked.status).toBe(423);

    const lockedEvents = h.eventsOf('account.locked', alice.id);
    expect(lockedEvents).toEqual([
      {
        type: 'account.locked',
        userId: alice.id,
        at: h.clock.now(),
        until: new Date(h.clock.now().getTime() + 15 * 60_000),
      },
    ]);
    expect(h.eventsOf('login.failed', alice.id).map((e) => 'reason' in e && e.reason)).toEqual([
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'locked',
    ]);
    // Stored as well, for a host without a listener and for review.
    const stored = await h.db
      .withTables<{ auth_security_events: { type: string; user_id: string | null; details: unknown } }>()
      .selectFrom('auth_security_events')
      .select(['type', 'details'])
      .where('user_id', '=', alice.id)
      .where('type', '=', 'account.locked')
      .execute();
    const until = new Date(h.clock.now().getTime() + 15 * 60_000);
    expect(stored).toEqual([{ type: 'account.locked', details: { until: until.toISOString() } }]);
  });

  it('opens again after lockoutMinutes, with a fresh count', async () => {
    const bob = await h.createUser();
    await failLogins(bob, 5);
    h.clock.advance({ minutes: 14, seconds: 59 });
    expect(await refusalCode(h.auth.login({ email: bob.email, password: bob.password }))).toBe(
      'account_locked',
    );
    h.clock.advance({ seconds: 1 });
    await expect(h.auth.login({ email: bob.email, password: bob.password })).resolves.toMatchObject({
      user: { id: bob.id },
    });
    expect(await failLogins(bob, 4)).not.toContain('account_locked');
  });

  it('counts consecutive failures only: a success starts the count again', async () => {
    const carol = await h.createUser();
    await failLogins(carol, 4);
    await h.auth.login({ email: carol.email, password: carol.password });
    expect(await failLogins(carol, 4)).not.toContain('account_locked');
    expect(h.eventsOf('account.locked', carol.id)).toHaveLength(0);
  });

  it('refuses the right password while locked, without counting it as a guess', async () => {
    const dave = await h.createUser();
    await failLogins(dave, 5);
    for (let i = 0; i < 3; i++) {
      expect(await refusalCode(h.auth.login({ email: dave.email, password: dave.password }))).toBe(
        'account_locked',
      );
    }
    expect(h.eventsOf('account.locked', dave.id)).toHaveLength(1);
  });

  it('cannot be outrun by guesses sent at once', async () => {
    const erin = await h.createUser();
    const codes = await Promise.all(
      Array.from({ length: 12 }, () => refusalCode(h.auth.login({ email: erin.email, password: WRONG }))),
    );
    // Only five passwords were ever checked; the rest were refused unseen.
    expect(
      h.eventsOf('login.failed', erin.id).filter((e) => 'reason' in e && e.reason === 'wrong_password'),
    ).toHaveLength(5);
    expect(codes.filter((code) => code === 'account_locked').length).toBeGreaterThanOrEqual(7);
    expect(await refusalCode(h.auth.login({ email: erin.email, password: erin.password }))).toBe(
      'account_locked',
    );
  });

  it('counts wrong TOTP codes, and a missing code neither counts nor clears', async () => {
    const frank = await h.createUser();
    const { secret } = await h.auth.beginTotpEnrolment(frank.id);
    await h.auth.confirmTotpEnrolment(
      frank.id,
      await generate({ secret, epoch: h.clock.now().getTime() / 1000 }),
    );
    for (let i = 0; i < 4; i++) {
      expect(
        await refusalCode(h.auth.login({ email: frank.email, password: frank.password, otp: '000000' })),
      ).toBe('invalid_otp');
      // The password was right, but asking again without a code must not reset the count.
      expect(await refusalCode(h.auth.login({ email: frank.email, password: frank.password }))).toBe(
        'otp_required',
      );
    }
    expect(
      await refusalCode(h.auth.login({ email: frank.email, password: frank.password, otp: '000000' })),
    ).toBe('account_locked');
  });

  it('counts a wrong current password of a self change', async () => {
    const gina = await h.createUser();
    for (let i = 0; i < 4; i++) {
      expect(
        await refusalCode(
          h.auth.setPassword(gina.id, 'another long password', { by: 'self', currentPassword: WRONG }),
        ),
      ).toBe('invalid_credentials');
    }
    expect(
      await refusalCode(
        h.auth.setPassword(gina.id, 'another long password', { by: 'self', currentPassword: WRONG }),
      ),
    ).toBe('account_locked');
    expect(await refusalCode(h.auth.login({ email: gina.email, password: gina.password }))).toBe(
      'account_locked',
    );
  });

  it('is unlocked by an administrator password reset', async () => {
    const hank = await h.createUser();
    await failLogins(hank, 5);
    await h.auth.setPassword(hank.id, 'temporary password 1', { by: 'admin' });
    const session = await h.auth.changePasswordWithCurrent({
      email: hank.email,
      currentPassword: 'temporary password 1',
      newPassword: 'hanks own new password',
    });
    expect(session.user.id).toBe(hank.id);
  });

  it('follows a configured threshold and period', async () => {
    const lenient = h.service({ policy: { maxFailedAttempts: 3, lockoutMinutes: 60 } });
    const ivy = await h.createUser();
    const codes: string[] = [];
    for (let i = 0; i < 3; i++)
      codes.push(await refusalCode(lenient.login({ email: ivy.email, password: WRONG })));
    expect(codes).toEqual(['invalid_credentials', 'invalid_credentials', 'account_locked']);
    h.clock.advance({ minutes: 59 });
    expect(await refusalCode(lenient.login({ email: ivy.email, password: ivy.password }))).toBe(
      'account_locked',
    );
    h.clock.advance({ minutes: 1 });
    await expect(lenient.login({ email: ivy.email, password: ivy.password })).resolves.toMatchObject({
      user: { id: ivy.id },
    });
  });
});
