/** Enrolling and resetting a TOTP authenticator (PART11 25): the second factor of login and signing. */
import { AuthError } from './authError';
import type { InTransaction } from './inTransaction';
import { findAccountById } from './internal/accounts';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import { replaceRecoveryCodes } from './internal/recoveryCodes';
import { generateTotpSecret, totpUri, verifyTotpCode } from './internal/totp';
import { openTotpSecret, sealTotpSecret } from './internal/totpSecretBox';
import { reauthenticate } from './reauthenticate';

export interface TotpEnrolment {
  /** Base32, for typing into an app by hand. */
  secret: string;
  /** `otpauth://totp/...`, for a QR code. */
  otpauthUrl: string;
}

export interface BeginTotpEnrolmentOptions {
  /**
   * The user's password, checked again (and counted toward lockout) before a secret is offered:
   * an unattended session must not bind its own authenticator. The account routes always pass
   * it; only a host's trusted code (a seed, a test) may leave it out.
   */
  password?: string;
}

/**
 * Offers a new secret. Nothing changes for login until {@link confirmTotpEnrolment} proves the
 * user's app holds it. Starting again replaces an unconfirmed secret. Refuses with
 * `user_not_found` or `totp_already_enrolled`, and for a wrong password as login does.
 *
 * @example
 * ```ts
 * const { otpauthUrl } = await auth.beginTotpEnrolment(principal.userId, { password });
 * ```
 */
export async function beginTotpEnrolment(
  ctx: AuthContext,
  userId: string,
  options: BeginTotpEnrolmentOptions = {},
): Promise<TotpEnrolment> {
  const account = await findAccountById(ctx.db, userId);
  if (!account) throw new AuthError('user_not_found');
  if (account.totpSecret !== null) throw new AuthError('totp_already_enrolled');
  if (options.password !== undefined) await reauthenticate(ctx, userId, { password: options.password });
  const secret = generateTotpSecret();
  await ctx.db
    .updateTable('auth_credentials')
    // Sealed at rest; the user sees it once, here.
    .set({ totp_pending_secret: sealTotpSecret(ctx.totpKey, userId, secret) })
    .where('user_id', '=', userId)
    .execute();
  return { secret, otpauthUrl: totpUri(secret, ctx.totpIssuer, account.email) };
}

/**
 * Proves the app holds the offered secret with one of its codes; from then on login and
 * signing ask for a code. Returns ten single-use recovery codes, shown this once (any earlier
 * ones stop working). Refuses with `totp_enrolment_not_started` or `invalid_otp`.
 */
export async function confirmTotpEnrolment(
  ctx: AuthContext,
  userId: string,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const pending = await ctx.db
    .selectFrom('auth_credentials')
    .select('totp_pending_secret')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const sealed = pending?.totp_pending_secret;
  if (!sealed) throw new AuthError('totp_enrolment_not_started');
  const now = ctx.clock();
  const step = await verifyTotpCode(openTotpSecret(ctx.totpKey, userId, sealed), code, now, null);
  if (step === undefined) throw new AuthError('invalid_otp');
  const recoveryCodes = await ctx.db.transaction().execute(async (trx) => {
    const confirmed = await trx
      .updateTable('auth_credentials')
      .set({
        totp_secret: sealed,
        totp_pending_secret: null,
        totp_confirmed_at: now,
        // The confirming code is spent: it cannot also open a login.
        totp_last_time_step: step,
      })
      .where('user_id', '=', userId)
      .where('totp_pending_secret', '=', sealed)
      .executeTakeFirst();
    // A second confirmation racing this one found the secret confirmed already.
    if (confirmed.numUpdatedRows === 0n) throw new AuthError('totp_enrolment_not_started');
    return replaceRecoveryCodes(trx, userId, now);
  });
  await emitSecurityEvent(ctx, { type: 'totp.enrolled', userId, at: now });
  await emitSecurityEvent(ctx, {
    type: 'recovery_codes.generated',
    userId,
    count: recoveryCodes.length,
    at: now,
  });
  return { recoveryCodes };
}

/** The password and a current code (or an unused recovery code): what removing or renewing the second factor asks for. */
export interface SecondFactorProof {
  password: string;
  code: string;
}

/**
 * The user removes their own authenticator, proving both factors; their recovery codes go with
 * it. Refuses with `totp_not_enrolled`, and for a wrong password or code as login does.
 */
export async function removeAuthenticator(
  ctx: AuthContext,
  userId: string,
  proof: SecondFactorProof,
): Promise<void> {
  await reauthenticate(ctx, userId, { ...proof, requireCode: true });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('auth_credentials').set(noAuthenticator).where('user_id', '=', userId).execute();
    await trx.deleteFrom('auth_recovery_codes').where('user_id', '=', userId).execute();
  });
  await emitSecurityEvent(ctx, { type: 'totp.removed', userId, at: ctx.clock() });
}

/** Ten new recovery codes for ten old ones (some used, or the sheet lost), proving both factors. */
export async function regenerateRecoveryCodes(
  ctx: AuthContext,
  userId: string,
  proof: SecondFactorProof,
): Promise<{ recoveryCodes: string[] }> {
  await reauthenticate(ctx, userId, { ...proof, requireCode: true });
  const now = ctx.clock();
  const recoveryCodes = await ctx.db.transaction().execute((trx) => replaceRecoveryCodes(trx, userId, now));
  await emitSecurityEvent(ctx, {
    type: 'recovery_codes.generated',
    userId,
    count: recoveryCodes.length,
    at: now,
  });
  return { recoveryCodes };
}

const noAuthenticator = {
  totp_secret: null,
  totp_confirmed_at: null,
  totp_pending_secret: null,
  totp_last_time_step: null,
};

/**
 * Removes a user's authenticator and recovery codes, for a lost or replaced device; they may enrol again. An
 * administrative act that weakens the account, so it is reported as a security event.
 */
export async function resetTotp(
  ctx: AuthContext,
  userId: string,
  options: { actorId?: string; reason?: string | null; inTransaction?: InTransaction } = {},
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const reset = await trx
      .updateTable('auth_credentials')
      .set(noAuthenticator)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    // The recovery codes were a way around the authenticator: they go with it.
    await trx.deleteFrom('auth_recovery_codes').where('user_id', '=', userId).execute();
    if (reset.numUpdatedRows === 0n) {
      // An invited user who has not set up the account yet has no credentials, and so no
      // authenticator: the reset is still a decision on the record, but there is nothing to clear.
      const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
      if (!user) throw new AuthError('user_not_found');
    }
    await options.inTransaction?.(trx);
  });
  await emitSecurityEvent(ctx, {
    type: 'totp.reset',
    userId,
    actorId: options.actorId ?? null,
    reason: options.reason ?? null,
    at: ctx.clock(),
  });
}
