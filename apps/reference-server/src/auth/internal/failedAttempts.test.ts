import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthService } from '../createAuthService';
import type { AuthHarness, TestUser } from '../testing/authTestHarness';
import { createAuthHarness } from '../testing/authTestHarness';
import { refusal, refusalCode } from '../testing/refusal';
import type { LockoutNotice } from './failedAttempts';

let h: AuthHarness;
beforeAll(async () => {
  h = await createAuthHarness();
});
afterAll(() => h.close());

const WRONG = 'definitely not it';
const ATTACKER = '203.0.113.9';
const OWNER = '198.51.100.7';

async function failLogins(user: TestUser, times: number, source?: string, by: AuthService = h.auth) {
  const codes: string[] = [];
  for (let i = 0; i < times; i++)
    codes.push(await refusalCode(by.login({ email: user.email, password: WRONG, source })));
  return codes;
}

const reasons = (userId: string) => h.eventsOf('login.failed', userId).map((e) => 'reason' in e && e.reason);

describe('lockout after repeated failures (PART11 24)', () => {
  it('locks the address out on the fifth failure in a row, answers as for a wrong password, and tells security', async () => {
    const alice = await h.createUser();
    expect(await failLogins(alice, 5, ATTACKER)).toEqual(Array(5).fill('invalid_credentials'));
    // Locked: the right password gets the very answer a wrong one gets.
    const locked = await refusal(
      h.auth.login({ email: alice.email, password: alice.password, source: ATTACKER }),
    );
    const wrong = await refusal(h.auth.login({ email: 'nobody@example.com', password: WRONG }));
    expect([locked.code, locked.status, locked.message]).toEqual([wrong.code, wrong.status, wrong.message]);

    const until = new Date(h.clock.now().getTime() + 15 * 60_000);
    expect(h.eventsOf('account.locked', alice.id)).toEqual([
      {
        type: 'account.locked',
        userId: alice.id,
        at: h.clock.now(),
        until,
        scope: 'address',
        source: ATTACKER,
      },
    ]);
    expect(reasons(alice.id)).toEqual([...Array(5).fill('wrong_password'), 'locked']);
    // Stored as well, for a host without a listener and for review.
    const stored = await h.db
      .withTables<{ auth_security_events: { type: string; user_id: string | null; details: unknown } }>()
      .selectFrom('auth_security_events')
      .select(['type', 'details'])
      .where('user_id', '=', alice.id)
      .where('type', '=', 'account.locked')
      .execute();
    expect(stored).toEqual([
      { type: 'account.locked', details: { until: until.toISOString(), scope: 'address', source: ATTACKER } },
    ]);
  });

  it('does not keep the owner out: another address signs in while the guessing one is locked', async () => {
    const bea = await h.createUser({ roles: ['qa_approver'] });
    await failLogins(bea, 5, ATTACKER);
    await expect(
      h.auth.login({ email: bea.email, password: bea.password, source: OWNER }),
    ).resolves.toMatchObject({ user: { id: bea.id } });
    // The attacker's address stays locked, success elsewhere notwithstanding.
    expect(
      await refusalCode(h.auth.login({ email: bea.email, password: bea.password, source: ATTACKER })),
    ).toBe('invalid_credentials');
  });

  it('opens again after lockoutMinutes; each further lock of the same address lasts twice as long', async () => {
    const bob = await h.createUser();
    await failLogins(bob, 5, ATTACKER);
    h.clock.advance({ minutes: 14, seconds: 59 });
    expect(
      await refusalCode(h.auth.login({ email: bob.email, password: bob.password, source: ATTACKER })),
    ).toBe('invalid_credentials');
    h.clock.advance({ seconds: 1 });
    // A fresh count: four more failures do not lock; the fifth locks for 30 minutes.
    expect(await failLogins(bob, 5, ATTACKER)).toEqual(Array(5).fill('invalid_credentials'));
    const [first, second] = h.eventsOf('account.locked', bob.id) as Extract<
      ReturnType<AuthHarness['eventsOf']>[number],
      { type: 'account.locked' }
    >[];
    expect(first!.until.getTime() - first!.at.getTime()).toBe(15 * 60_000);
    expect(second!.until.getTime() - second!.at.getTime()).toBe(30 * 60_000);
    h.clock.advance({ minutes: 29 });
    expect(
      await refusalCode(h.auth.login({ email: bob.email, password: bob.password, source: ATTACKER })),
    ).toBe('invalid_credentials');
    h.clock.advance({ minutes: 1 });
    await expect(
      h.auth.login({ email: bob.email, password: bob.password, source: ATTACKER }),
    ).resolves.toMatchObject({ user: { id: bob.id } });
  });

  it('doubles only up to maxLockoutMinutes', async () => {
    const capped = h.service({ policy: { maxLockoutMinutes: 40 } });
    const cleo = await h.createUser();
    for (let lock = 0; lock < 3; lock++) {
      await failLogins(cleo, 5, ATTACKER, capped);
      h.clock.advance({ days: 1 });
    }
    const lengths = h
      .eventsOf('account.locked', cleo.id)
      .map((e) => ('until' in e ? (e.until.getTime() - e.at.getTime()) / 60_000 : 0));
    expect(lengths).toEqual([15, 30, 40]);
  });

  it('counts consecutive failures only: a success starts the count again', async () => {
    const carol = await h.createUser();
    await failLogins(carol, 4);
    await h.auth.login({ email: carol.email, password: carol.password });
    expect(await failLogins(carol, 4)).toEqual(Array(4).fill('invalid_credentials'));
    expect(h.eventsOf('account.locked', carol.id)).toHaveLength(0);
  });

  it('refuses the right password while locked, without counting it as a guess', async () => {
    const dave = await h.createUser();
    await failLogins(dave, 5);
    for (let i = 0; i < 3; i++) {
      expect(await refusalCode(h.auth.login({ email: dave.email, password: dave.password }))).toBe(
        'invalid_credentials',
      );
    }
    expect(h.eventsOf('account.locked', dave.id)).toHaveLength(1);
  });

  it('takes as long to refuse a locked account as a wrong password', async () => {
    // A cost high enough that hashing, not the database, dominates each answer.
    const slow = h.service({ passwordHashing: { memoryCost: 8192, timeCost: 8 } });
    const erin = await h.createUser({ by: slow });
    const locked = await h.createUser({ by: slow });
    await failLogins(locked, 5, ATTACKER, slow);
    const median = async (user: TestUser, password: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await slow.login({ email: user.email, password, source: `192.0.2.${i}` }).catch(() => undefined);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    const lockedOut = async () => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await slow
          .login({ email: locked.email, password: locked.password, source: ATTACKER })
          .catch(() => undefined);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    await median(erin, 'warm up wrong password');
    const wrong = await median(erin, 'a wrong password!');
    const refusedLocked = await lockedOut();
    expect(refusedLocked).toBeGreaterThan(wrong * 0.5);
    expect(refusedLocked).toBeLessThan(wrong * 2);
  });

  it('cannot be outrun by guesses sent at once', async () => {
    const erin = await h.createUser();
    const codes = await Promise.all(
      Array.from({ length: 12 }, () =>
        refusalCode(h.auth.login({ email: erin.email, password: WRONG, source: ATTACKER })),
      ),
    );
    expect(codes).toEqual(Array(12).fill('invalid_credentials'));
    // Only five passwords were counted as guesses; the rest were refused as locked.
    expect(reasons(erin.id).filter((reason) => reason === 'wrong_password')).toHaveLength(5);
    expect(reasons(erin.id).filter((reason) => reason === 'locked')).toHaveLength(7);
    expect(h.eventsOf('account.locked', erin.id)).toHaveLength(1);
    expect(
      await refusalCode(h.auth.login({ email: erin.email, password: erin.password, source: ATTACKER })),
    ).toBe('invalid_credentials');
  });

  it('has a ceiling across addresses: past it, only addresses the owner signed in from get in', async () => {
    const fay = await h.createUser({ roles: ['qa_approver'] });
    await h.auth.login({ email: fay.email, password: fay.password, source: OWNER });
    // Twenty failures from four addresses (below each address's own limit of five).
    for (let n = 0; n < 5; n++) await failLogins(fay, 4, `203.0.113.${n}`);
    const accountLocks = h
      .eventsOf('account.locked', fay.id)
      .filter((e) => 'scope' in e && e.scope === 'account');
    expect(accountLocks).toMatchObject([{ scope: 'account', source: null }]);
    // A new address is refused even with the right password, as if it were wrong...
    expect(
      await refusalCode(h.auth.login({ email: fay.email, password: fay.password, source: '192.0.2.77' })),
    ).toBe('invalid_credentials');
    // ...while the owner's own address is let in.
    await expect(
      h.auth.login({ email: fay.email, password: fay.password, source: OWNER }),
    ).resolves.toMatchObject({ user: { id: fay.id } });
    h.clock.advance({ minutes: 15 });
    await expect(
      h.auth.login({ email: fay.email, password: fay.password, source: '192.0.2.77' }),
    ).resolves.toMatchObject({ user: { id: fay.id } });
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
    // The fifth wrong code locks; it is answered as a wrong code, and then as a wrong password.
    expect(
      await refusalCode(h.auth.login({ email: frank.email, password: frank.password, otp: '000000' })),
    ).toBe('invalid_otp');
    expect(h.eventsOf('account.locked', frank.id)).toHaveLength(1);
    h.clock.advance({ seconds: 30 });
    const code = await generate({ secret, epoch: h.clock.now().getTime() / 1000 });
    expect(await refusalCode(h.auth.login({ email: frank.email, password: frank.password, otp: code }))).toBe(
      'invalid_credentials',
    );
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
    // A signed-in user changing their own password may hear that it is locked.
    expect(
      await refusalCode(
        h.auth.setPassword(gina.id, 'another long password', { by: 'self', currentPassword: WRONG }),
      ),
    ).toBe('account_locked');
    expect(await refusalCode(h.auth.login({ email: gina.email, password: gina.password }))).toBe(
      'invalid_credentials',
    );
  });

  it('is lifted by a new password chosen with a reset link', async () => {
    const hank = await h.createUser();
    await failLogins(hank, 5, ATTACKER);
    const { token } = await h.auth.issueSetupToken(hank.id, { actorId: hank.id });
    await h.auth.setUpAccount({ token, newPassword: 'hanks own new password' });
    await expect(
      h.auth.login({ email: hank.email, password: 'hanks own new password', source: ATTACKER }),
    ).resolves.toMatchObject({ user: { id: hank.id } });
  });

  it('follows a configured threshold and period', async () => {
    const lenient = h.service({ policy: { maxFailedAttempts: 3, lockoutMinutes: 60 } });
    const ivy = await h.createUser();
    await failLogins(ivy, 3, undefined, lenient);
    expect(h.eventsOf('account.locked', ivy.id)).toHaveLength(1);
    h.clock.advance({ minutes: 59 });
    expect(await refusalCode(lenient.login({ email: ivy.email, password: ivy.password }))).toBe(
      'invalid_credentials',
    );
    h.clock.advance({ minutes: 1 });
    await expect(lenient.login({ email: ivy.email, password: ivy.password })).resolves.toMatchObject({
      user: { id: ivy.id },
    });
  });

  it('hands each lock to lockoutNotice inside the transaction that writes it', async () => {
    const notices: LockoutNotice[] = [];
    const noticing = h.service({
      lockoutNotice: async (trx, notice) => {
        // The lock is visible in the same transaction.
        const row = await trx
          .selectFrom('auth_login_throttle')
          .select('locked_until')
          .where('user_id', '=', notice.userId)
          .where('source', '=', ATTACKER)
          .executeTakeFirstOrThrow();
        expect(row.locked_until).toEqual(notice.until);
        notices.push(notice);
      },
    });
    const jack = await h.createUser();
    await failLogins(jack, 5, ATTACKER, noticing);
    expect(notices).toEqual([
      {
        userId: jack.id,
        source: ATTACKER,
        scope: 'address',
        at: h.clock.now(),
        until: new Date(h.clock.now().getTime() + 15 * 60_000),
      },
    ]);
  });
});
