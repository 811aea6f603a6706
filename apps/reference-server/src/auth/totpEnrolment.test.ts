import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthDb } from './authDatabase';
import type { AuthHarness, TestUser } from './testing/authTestHarness';
import { createAuthHarness } from './testing/authTestHarness';
import { refusalCode } from './testing/refusal';

let h: AuthHarness;
beforeAll(async () => {
  h = await createAuthHarness();
});
afterAll(() => h.close());

/** The code the user's authenticator app shows right now (on the test clock). */
const codeNow = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(h.clock.now().getTime() / 1000) + offsetSeconds });

async function enrolled(): Promise<TestUser & { secret: string }> {
  const user = await h.createUser();
  const { secret } = await h.auth.beginTotpEnrolment(user.id);
  await h.auth.confirmTotpEnrolment(user.id, await codeNow(secret));
  // The confirming code is spent; the next login needs the next one.
  h.clock.advance({ seconds: 30 });
  return { ...user, secret };
}

describe('TOTP enrolment (PART11 25)', () => {
  it('offers a secret and an otpauth URL for the user’s app', async () => {
    const alice = await h.createUser();
    const enrolment = await h.auth.beginTotpEnrolment(alice.id);
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(enrolment.otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(enrolment.secret);
    expect(url.searchParams.get('issuer')).toBe('Masetra');
    expect(decodeURIComponent(url.pathname)).toContain(alice.email);
  });

  it('changes nothing for login until a code confirms it', async () => {
    const bob = await h.createUser();
    const { secret } = await h.auth.beginTotpEnrolment(bob.id);
    await expect(h.auth.login({ email: bob.email, password: bob.password })).resolves.toMatchObject({
      user: { mfaEnrolled: false },
    });
    expect(await refusalCode(h.auth.confirmTotpEnrolment(bob.id, '123456'))).toBe('invalid_otp');
    await h.auth.confirmTotpEnrolment(bob.id, await codeNow(secret));
    expect(await h.auth.getUser(bob.id)).toMatchObject({ mfaEnrolled: true });
    expect(h.eventsOf('totp.enrolled', bob.id)).toHaveLength(1);
  });

  it('refuses to confirm without an enrolment, and to enrol twice', async () => {
    const carol = await h.createUser();
    expect(await refusalCode(h.auth.confirmTotpEnrolment(carol.id, '123456'))).toBe(
      'totp_enrolment_not_started',
    );
    const dave = await enrolled();
    expect(await refusalCode(h.auth.beginTotpEnrolment(dave.id))).toBe('totp_already_enrolled');
  });

  it('keeps the secret sealed at rest, bound to its user', async () => {
    const db = h.db as unknown as AuthDb;
    const stored = async (userId: string) =>
      db
        .selectFrom('auth_credentials')
        .select(['totp_secret', 'totp_pending_secret'])
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
    const grace = await h.createUser();
    const { secret } = await h.auth.beginTotpEnrolment(grace.id);
    expect((await stored(grace.id)).totp_pending_secret).not.toContain(secret);
    await h.auth.confirmTotpEnrolment(grace.id, await codeNow(secret));
    const sealed = (await stored(grace.id)).totp_secret!;
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(secret);

    // Copied to another user's row, it opens no login: the seal names the user.
    const mallory = await enrolled();
    await db
      .updateTable('auth_credentials')
      .set({ totp_secret: sealed })
      .where('user_id', '=', mallory.id)
      .execute();
    h.clock.advance({ seconds: 30 });
    expect(
      await refusalCode(
        h.auth.login({ email: mallory.email, password: mallory.password, otp: await codeNow(secret) }),
      ),
    ).toBe('invalid_otp');
  });

  it('still accepts a secret stored in clear before secrets were sealed', async () => {
    const henry = await h.createUser();
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await (h.db as unknown as AuthDb)
      .updateTable('auth_credentials')
      .set({ totp_secret: secret, totp_confirmed_at: h.clock.now() })
      .where('user_id', '=', henry.id)
      .execute();
    await expect(
      h.auth.login({ email: henry.email, password: henry.password, otp: await codeNow(secret) }),
    ).resolves.toMatchObject({ user: { mfaEnrolled: true } });
  });
});

describe('login with TOTP', () => {
  it('asks for a code once enrolled, and takes the right one', async () => {
    const erin = await enrolled();
    expect(await refusalCode(h.auth.login({ email: erin.email, password: erin.password }))).toBe(
      'otp_required',
    );
    expect(
      await refusalCode(h.auth.login({ email: erin.email, password: erin.password, otp: '000000' })),
    ).toBe('invalid_otp');
    const session = await h.auth.login({
      email: erin.email,
      password: erin.password,
      otp: await codeNow(erin.secret),
    });
    expect(session.user.mfaEnrolled).toBe(true);
  });

  it('does not ask for the code before the password is right', async () => {
    const frank = await enrolled();
    expect(await refusalCode(h.auth.login({ email: frank.email, password: 'wrong password 1' }))).toBe(
      'invalid_credentials',
    );
  });

  it('accepts the previous code (clock drift) but not an older one', async () => {
    const gina = await enrolled();
    h.clock.advance({ minutes: 5 });
    expect(
      await refusalCode(
        h.auth.login({ email: gina.email, password: gina.password, otp: await codeNow(gina.secret, -60) }),
      ),
    ).toBe('invalid_otp');
    await expect(
      h.auth.login({ email: gina.email, password: gina.password, otp: await codeNow(gina.secret, -30) }),
    ).resolves.toMatchObject({ user: { id: gina.id } });
  });

  it('takes each code once: a replayed code is refused', async () => {
    const hank = await enrolled();
    const otp = await codeNow(hank.secret);
    await h.auth.login({ email: hank.email, password: hank.password, otp });
    expect(await refusalCode(h.auth.login({ email: hank.email, password: hank.password, otp }))).toBe(
      'invalid_otp',
    );
    h.clock.advance({ seconds: 30 });
    await expect(
      h.auth.login({ email: hank.email, password: hank.password, otp: await codeNow(hank.secret) }),
    ).resolves.toMatchObject({ user: { id: hank.id } });
  });

  it('is required for signing too', async () => {
    const ivy = await enrolled();
    const session = await h.auth.login({
      email: ivy.email,
      password: ivy.password,
      otp: await codeNow(ivy.secret),
    });
    const { sessionId } = (await h.auth.verifyAccessToken(session.accessToken))!;
    h.clock.advance({ seconds: 30 });
    const signer = { userId: ivy.id, sessionId, username: ivy.email, password: ivy.password };
    expect(await h.auth.verifySigner(signer)).toEqual({ ok: false, code: 'otp_required' });
    expect(await h.auth.verifySigner({ ...signer, otp: '000000' })).toEqual({
      ok: false,
      code: 'invalid_otp',
    });
    expect(await h.auth.verifySigner({ ...signer, otp: await codeNow(ivy.secret) })).toEqual({
      ok: true,
      printedName: ivy.displayName,
    });
  });

  it('can be reset by an administrator for a lost device', async () => {
    const jack = await enrolled();
    await h.auth.resetTotp(jack.id, { actorId: 'admin-1' });
    await expect(h.auth.login({ email: jack.email, password: jack.password })).resolves.toMatchObject({
      user: { mfaEnrolled: false },
    });
    expect(h.eventsOf('totp.reset', jack.id)).toMatchObject([{ actorId: 'admin-1' }]);
    // Enrolling again is open, with a new secret: the lost device's codes are worth nothing.
    const again = await h.auth.beginTotpEnrolment(jack.id);
    expect(again.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(again.secret).not.toBe(jack.secret);
  });
});

describe('enrolment with the password, and recovery codes', () => {
  it('checks the password again before it offers a secret, counting a wrong one as a failed sign-in', async () => {
    const kim = await h.createUser();
    expect(await refusalCode(h.auth.beginTotpEnrolment(kim.id, { password: 'not-her-password' }))).toBe(
      'invalid_credentials',
    );
    expect(h.eventsOf('login.failed', kim.id)).toMatchObject([{ reason: 'wrong_password' }]);
    const { secret } = await h.auth.beginTotpEnrolment(kim.id, { password: kim.password });
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('answers the confirmation with ten single-use codes, stored as hashes; a reset removes them', async () => {
    const lena = await h.createUser();
    const { secret } = await h.auth.beginTotpEnrolment(lena.id, { password: lena.password });
    const { recoveryCodes } = await h.auth.confirmTotpEnrolment(lena.id, await codeNow(secret));
    expect(recoveryCodes).toHaveLength(10);
    expect(h.eventsOf('recovery_codes.generated', lena.id)).toMatchObject([{ count: 10 }]);
    // A second confirmation finds nothing pending.
    expect(await refusalCode(h.auth.confirmTotpEnrolment(lena.id, await codeNow(secret)))).toBe(
      'totp_enrolment_not_started',
    );
    const db = h.db as unknown as AuthDb;
    const stored = await db
      .selectFrom('auth_recovery_codes')
      .select(['code_hash', 'used_at'])
      .where('user_id', '=', lena.id)
      .execute();
    expect(stored).toHaveLength(10);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.code_hash) && row.used_at === null)).toBe(true);
    expect(await h.auth.recoveryCodesRemaining(lena.id)).toBe(10);

    h.clock.advance({ seconds: 30 });
    const first = recoveryCodes[0] as string;
    // Typed in lower case, with spaces for dashes: the same code.
    const typed = first.toLowerCase().replace(/-/g, ' ');
    await expect(
      h.auth.login({ email: lena.email, password: lena.password, recoveryCode: typed }),
    ).resolves.toMatchObject({ user: { mfaEnrolled: true } });
    expect(
      await refusalCode(h.auth.login({ email: lena.email, password: lena.password, recoveryCode: first })),
    ).toBe('invalid_recovery_code');
    expect(await h.auth.recoveryCodesRemaining(lena.id)).toBe(9);

    await h.auth.resetTotp(lena.id, { actorId: 'admin-1', reason: 'Phone lost' });
    expect(await h.auth.recoveryCodesRemaining(lena.id)).toBe(0);
  });
});
