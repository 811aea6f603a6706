import { decodeJwt } from 'jose';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthHarness } from './testing/authTestHarness';
import { createAuthHarness } from './testing/authTestHarness';
import { refusal, refusalCode } from './testing/refusal';

let h: AuthHarness;
beforeAll(async () => {
  h = await createAuthHarness();
});
afterAll(() => h.close());

describe('login', () => {
  it('opens a session with tokens and the user', async () => {
    const alice = await h.createUser({ roles: ['qa_approver', 'originator'] });
    const result = await h.auth.login({ email: alice.email, password: alice.password });

    expect(result.user).toEqual({
      id: alice.id,
      orgId: h.orgId,
      email: alice.email,
      displayName: alice.displayName,
      roles: ['originator', 'qa_approver'],
      mfaEnrolled: false,
      mustChangePassword: false,
      mfaEnrolmentRequired: false,
    });
    const claims = decodeJwt(result.accessToken);
    expect(claims).toMatchObject({
      sub: alice.id,
      org: h.orgId,
      roles: ['originator', 'qa_approver'],
      name: alice.displayName,
    });
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
    const principal = await h.auth.verifyAccessToken(result.accessToken);
    expect(principal).toEqual({
      userId: alice.id,
      orgId: h.orgId,
      displayName: alice.displayName,
      roles: ['originator', 'qa_approver'],
      sessionId: claims.sid,
    });
    expect(h.eventsOf('login.succeeded', alice.id)).toHaveLength(1);
  });

  it('accepts the e-mail in any case and with surrounding spaces', async () => {
    const bob = await h.createUser();
    const result = await h.auth.login({ email: `  ${bob.email.toUpperCase()} `, password: bob.password });
    expect(result.user.id).toBe(bob.id);
  });

  it('stores an argon2id hash, never the password', async () => {
    const carol = await h.createUser();
    const row = await h.db
      .withTables<{ auth_credentials: { user_id: string; password_hash: string } }>()
      .selectFrom('auth_credentials')
      .select('password_hash')
      .where('user_id', '=', carol.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(carol.password);
  });

  it('answers an unknown e-mail exactly as a wrong password', async () => {
    const dave = await h.createUser();
    const wrongPassword = await refusal(
      h.auth.login({ email: dave.email, password: 'not the password at all' }),
    );
    const unknownEmail = await refusal(
      h.auth.login({ email: 'nobody@example.com', password: dave.password }),
    );

    expect(wrongPassword.code).toBe('invalid_credentials');
    expect(unknownEmail.code).toBe('invalid_credentials');
    expect(unknownEmail.message).toBe(wrongPassword.message);
    expect(unknownEmail.status).toBe(401);
    expect(h.eventsOf('login.failed', dave.id)).toMatchObject([{ reason: 'wrong_password' }]);
    expect(
      h.events.filter((e) => e.type === 'login.failed' && e.email === 'nobody@example.com'),
    ).toMatchObject([{ userId: null, reason: 'unknown_email' }]);
  });

  it('does the argon2 work for an unknown e-mail too, so timing does not tell', async () => {
    // A cost high enough that hashing, not the database, dominates each answer.
    const slow = h.service({
      passwordHashing: { memoryCost: 8192, timeCost: 8 },
      policy: { maxFailedAttempts: 100 },
    });
    const erin = await h.createUser({ by: slow });
    const timeOf = async (email: string) => {
      const started = performance.now();
      await slow.login({ email, password: 'a wrong password!' }).catch(() => undefined);
      return performance.now() - started;
    };
    await timeOf('warm.up@example.com'); // the decoy hash is made on first use
    // Known and unknown alternate, and each pair is compared on its own: a machine busy with
    // other suites slows both sides of a pair alike, where two runs of medians apart drift.
    const ratios: number[] = [];
    for (let i = 0; i < 7; i++) {
      const known = await timeOf(erin.email);
      const unknown = await timeOf('nobody.else@example.com');
      ratios.push(unknown / known);
    }
    const ratio = ratios.sort((a, b) => a - b)[3]!;
    // Without the decoy hash an unknown e-mail answers after one query: a ratio near 0.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('refuses a deactivated account, after the password only', async () => {
    const frank = await h.createUser();
    await h.auth.deactivateUser(frank.id);
    expect((await refusal(h.auth.login({ email: frank.email, password: 'wrong password here' }))).code).toBe(
      'invalid_credentials',
    );
    expect((await refusal(h.auth.login({ email: frank.email, password: frank.password }))).code).toBe(
      'account_inactive',
    );
  });

  it('refuses a user without credentials like an unknown one', async () => {
    await h.db
      .insertInto('users')
      .values({
        id: 'no-credentials',
        org_id: h.orgId,
        email: 'nocreds@example.com',
        display_name: 'No Creds',
      })
      .execute();
    expect(
      (await refusal(h.auth.login({ email: 'nocreds@example.com', password: 'anything at all' }))).code,
    ).toBe('invalid_credentials');
  });
});

describe('password age', () => {
  it('refuses a password older than maxAgeDays with password_expired', async () => {
    const gina = await h.createUser();
    h.clock.advance({ days: 89 });
    await expect(h.auth.login({ email: gina.email, password: gina.password })).resolves.toMatchObject({
      user: { id: gina.id },
    });
    h.clock.advance({ days: 1 });
    const expired = await refusal(h.auth.login({ email: gina.email, password: gina.password }));
    expect(expired.code).toBe('password_expired');
    // A wrong password still says only that.
    expect((await refusal(h.auth.login({ email: gina.email, password: 'wrong password here' }))).code).toBe(
      'invalid_credentials',
    );

    const session = await h.auth.changePasswordWithCurrent({
      email: gina.email,
      currentPassword: gina.password,
      newPassword: 'a brand new passphrase',
    });
    expect(session.user.id).toBe(gina.id);
    await expect(
      h.auth.login({ email: gina.email, password: 'a brand new passphrase' }),
    ).resolves.toMatchObject({ user: { id: gina.id } });
  });

  it('does not let the expired password be chosen again', async () => {
    const hank = await h.createUser();
    h.clock.advance({ days: 91 });
    const reused = await refusal(
      h.auth.changePasswordWithCurrent({
        email: hank.email,
        currentPassword: hank.password,
        newPassword: hank.password,
      }),
    );
    expect(reused.code).toBe('password_reused');
  });

  it('tells an expired password only to whoever gives the code too, and leaves that code for the change', async () => {
    const jo = await h.createUser();
    const { secret } = await h.auth.beginTotpEnrolment(jo.id);
    await h.auth.confirmTotpEnrolment(
      jo.id,
      await generate({ secret, epoch: h.clock.now().getTime() / 1000 }),
    );
    h.clock.advance({ days: 91 });
    const login = (otp?: string) =>
      refusalCode(h.auth.login({ email: jo.email, password: jo.password, otp }));
    // The password alone says nothing of the account's state (issue #12).
    expect(await login()).toBe('otp_required');
    expect(await login('000000')).toBe('invalid_otp');
    const code = await generate({ secret, epoch: h.clock.now().getTime() / 1000 });
    expect(await login(code)).toBe('password_expired');
    // The code was not spent by the refusal: the change that follows takes it.
    const session = await h.auth.changePasswordWithCurrent({
      email: jo.email,
      currentPassword: jo.password,
      newPassword: 'jo chose a new passphrase',
      otp: code,
    });
    expect(session.user.id).toBe(jo.id);
    // And then it is spent.
    expect(
      await refusalCode(h.auth.login({ email: jo.email, password: 'jo chose a new passphrase', otp: code })),
    ).toBe('invalid_otp');
  });

  it('tells a deactivated account with an authenticator only after the code', async () => {
    const kim = await h.createUser();
    const { secret } = await h.auth.beginTotpEnrolment(kim.id);
    await h.auth.confirmTotpEnrolment(
      kim.id,
      await generate({ secret, epoch: h.clock.now().getTime() / 1000 }),
    );
    await h.auth.deactivateUser(kim.id);
    h.clock.advance({ seconds: 30 });
    expect(await refusalCode(h.auth.login({ email: kim.email, password: kim.password }))).toBe(
      'otp_required',
    );
    expect(await refusalCode(h.auth.login({ email: kim.email, password: kim.password, otp: '000000' }))).toBe(
      'invalid_otp',
    );
    const code = await generate({ secret, epoch: h.clock.now().getTime() / 1000 });
    expect(await refusalCode(h.auth.login({ email: kim.email, password: kim.password, otp: code }))).toBe(
      'account_inactive',
    );
  });

  it('follows a configured policy', async () => {
    const strict = h.service({ policy: { maxAgeDays: 30 } });
    const ivy = await h.createUser();
    h.clock.advance({ days: 30 });
    expect((await refusal(strict.login({ email: ivy.email, password: ivy.password }))).code).toBe(
      'password_expired',
    );
    await expect(h.auth.login({ email: ivy.email, password: ivy.password })).resolves.toMatchObject({
      user: { id: ivy.id },
    });
  });
});
