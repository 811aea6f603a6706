import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthHarness } from './testing/authTestHarness';
import { createAuthHarness } from './testing/authTestHarness';
import { refusalCode } from './testing/refusal';

let h: AuthHarness;
beforeAll(async () => {
  h = await createAuthHarness();
});
afterAll(() => h.close());

const passwords = (n: number) => Array.from({ length: n }, (_, i) => `passphrase number ${i + 1}!`);

describe('password policy (PART11 22)', () => {
  it('refuses a password shorter than minLength, counted in characters', async () => {
    const alice = await h.createUser();
    const change = (password: string) =>
      h.auth.setPassword(alice.id, password, { by: 'self', currentPassword: alice.password });
    expect(await refusalCode(change('elevenchars'))).toBe('password_too_short');
    expect(await refusalCode(change('ünïcödé🔑🔑🔑'))).toBe('password_too_short');
    await expect(change('twelve chars')).resolves.toBeUndefined();
    expect(await refusalCode(h.auth.createCredentials('anyone', 'short'))).toBe('password_too_short');
  });

  it('refuses an absurdly long password rather than hash it', async () => {
    const bob = await h.createUser();
    expect(
      await refusalCode(
        h.auth.setPassword(bob.id, 'x'.repeat(1025), { by: 'self', currentPassword: bob.password }),
      ),
    ).toBe('password_too_long');
  });

  it('refuses any of the last five passwords, the current one included', async () => {
    const [first, ...later] = passwords(6);
    const carol = await h.createUser({ password: first });
    let current = first!;
    for (const next of later.slice(0, 4)) {
      await h.auth.setPassword(carol.id, next, { by: 'self', currentPassword: current });
      current = next;
    }
    // Now: 5 (current), 4, 3, 2, 1 are the last five.
    for (const earlier of passwords(5)) {
      expect(
        await refusalCode(h.auth.setPassword(carol.id, earlier, { by: 'self', currentPassword: current })),
      ).toBe('password_reused');
    }
    await h.auth.setPassword(carol.id, later[4]!, { by: 'self', currentPassword: current });
    // The first one is now the sixth most recent, and allowed again.
    await expect(
      h.auth.setPassword(carol.id, first!, { by: 'self', currentPassword: later[4]! }),
    ).resolves.toBeUndefined();
  });

  it('keeps only as many old hashes as the rule needs', async () => {
    const dave = await h.createUser({ password: passwords(1)[0] });
    let current = passwords(1)[0]!;
    for (const next of passwords(9).slice(1)) {
      await h.auth.setPassword(dave.id, next, { by: 'self', currentPassword: current });
      current = next;
    }
    const row = await h.db
      .withTables<{ auth_credentials: { user_id: string; password_history: string[] } }>()
      .selectFrom('auth_credentials')
      .select('password_history')
      .where('user_id', '=', dave.id)
      .executeTakeFirstOrThrow();
    expect(row.password_history).toHaveLength(4);
    expect(row.password_history.every((hash) => hash.startsWith('$argon2id$'))).toBe(true);
  });

  it('needs the current password for a self change', async () => {
    const erin = await h.createUser();
    expect(
      await refusalCode(
        h.auth.setPassword(erin.id, 'a new long password', {
          by: 'self',
          currentPassword: 'wrong current one',
        }),
      ),
    ).toBe('invalid_credentials');
    await h.auth.setPassword(erin.id, 'a new long password', { by: 'self', currentPassword: erin.password });
    expect(await refusalCode(h.auth.login({ email: erin.email, password: erin.password }))).toBe(
      'invalid_credentials',
    );
    await expect(h.auth.login({ email: erin.email, password: 'a new long password' })).resolves.toMatchObject(
      { user: { id: erin.id } },
    );
  });

  it('ends the other sessions on a self change, keeping the one it is made from', async () => {
    const frank = await h.createUser();
    const here = await h.auth.login({ email: frank.email, password: frank.password });
    const elsewhere = await h.auth.login({ email: frank.email, password: frank.password });
    const { sessionId } = (await h.auth.verifyAccessToken(here.accessToken))!;
    await h.auth.setPassword(frank.id, 'frank changed it', {
      by: 'self',
      currentPassword: frank.password,
      exceptSessionId: sessionId,
    });
    expect(await h.auth.verifyAccessToken(here.accessToken)).not.toBeNull();
    expect(await h.auth.verifyAccessToken(elsewhere.accessToken)).toBeNull();
    expect(h.eventsOf('password.changed', frank.id)).toMatchObject([{ by: 'self', actorId: frank.id }]);
  });

  it('refuses an unknown user', async () => {
    expect(await refusalCode(h.auth.setPassword('nobody', 'long enough password', { by: 'admin' }))).toBe(
      'user_not_found',
    );
  });
});

describe('administrator reset (PART11 18)', () => {
  it('makes the temporary password open nothing: its owner chooses their own with a link', async () => {
    const gina = await h.createUser();
    await h.auth.setPassword(gina.id, 'temporary from admin', { by: 'admin', actorId: 'admin-1' });
    expect(h.eventsOf('password.changed', gina.id)).toMatchObject([{ by: 'admin', actorId: 'admin-1' }]);

    expect(await refusalCode(h.auth.login({ email: gina.email, password: 'temporary from admin' }))).toBe(
      'password_reset_required',
    );
    // The administrator knows it, so it does not even open the password change (issue #12).
    expect(
      await refusalCode(
        h.auth.changePasswordWithCurrent({
          email: gina.email,
          currentPassword: 'temporary from admin',
          newPassword: 'gina chose this one',
        }),
      ),
    ).toBe('password_reset_required');
    expect(h.eventsOf('login.succeeded', gina.id)).toHaveLength(0);

    const { token } = await h.auth.issueSetupToken(gina.id, { actorId: gina.id });
    const session = await h.auth.setUpAccount({ token, newPassword: 'gina chose this one' });
    expect(session.user.mustChangePassword).toBe(false);
    await expect(h.auth.login({ email: gina.email, password: 'gina chose this one' })).resolves.toMatchObject(
      { user: { id: gina.id } },
    );
  });

  it('does not let the administrator who knows the temporary password sign as the user', async () => {
    const hank = await h.createUser();
    const hanksSession = await h.auth.login({ email: hank.email, password: hank.password });
    const { sessionId } = (await h.auth.verifyAccessToken(hanksSession.accessToken))!;
    await h.auth.verifySigner({ userId: hank.id, sessionId, username: hank.email, password: hank.password });

    await h.auth.setPassword(hank.id, 'admin knows this one', { by: 'admin' });

    // Hank's open session ends with the reset, so it cannot be used to sign either.
    expect(await h.auth.verifyAccessToken(hanksSession.accessToken)).toBeNull();
    for (const attempt of [
      { userId: hank.id, sessionId, password: 'admin knows this one' },
      { userId: hank.id, sessionId, username: hank.email, password: 'admin knows this one' },
      { userId: hank.id, username: hank.email, password: 'admin knows this one' },
    ]) {
      expect(await h.auth.verifySigner(attempt)).toMatchObject({ ok: false });
    }
    // Without a session, the temporary password is refused for signing as such.
    expect(
      await h.auth.verifySigner({ userId: hank.id, username: hank.email, password: 'admin knows this one' }),
    ).toEqual({ ok: false, code: 'password_change_required' });
    // And no new session can be opened with it.
    expect(await refusalCode(h.auth.login({ email: hank.email, password: 'admin knows this one' }))).toBe(
      'password_reset_required',
    );
  });

  it('asks for the TOTP code when the user has one, so the temporary password alone is not enough', async () => {
    const { generate } = await import('otplib');
    const ivy = await h.createUser();
    const { secret } = await h.auth.beginTotpEnrolment(ivy.id);
    await h.auth.confirmTotpEnrolment(
      ivy.id,
      await generate({ secret, epoch: h.clock.now().getTime() / 1000 }),
    );
    h.clock.advance({ seconds: 30 });
    await h.auth.setPassword(ivy.id, 'admin knows this one', { by: 'admin' });
    expect(
      await refusalCode(
        h.auth.changePasswordWithCurrent({
          email: ivy.email,
          currentPassword: 'admin knows this one',
          newPassword: 'admin picked another',
        }),
      ),
    ).toBe('otp_required');
  });
});

describe('createCredentials', () => {
  it('makes a new user change the password first, unless told otherwise', async () => {
    const user = await h.createUser({ mustChangePassword: true });
    expect(await refusalCode(h.auth.login({ email: user.email, password: user.password }))).toBe(
      'password_reset_required',
    );
    await h.db
      .insertInto('users')
      .values({ id: 'fresh-user', org_id: h.orgId, email: 'fresh@example.com', display_name: 'Fresh' })
      .execute();
    await h.auth.createCredentials('fresh-user', 'initial password');
    expect(await h.auth.getUser('fresh-user')).toMatchObject({ mustChangePassword: true });
  });

  it('refuses a second set of credentials and an unknown user', async () => {
    const jack = await h.createUser();
    expect(await refusalCode(h.auth.createCredentials(jack.id, 'another password'))).toBe(
      'credentials_exist',
    );
    expect(await refusalCode(h.auth.createCredentials('nobody', 'another password'))).toBe('user_not_found');
  });
});
