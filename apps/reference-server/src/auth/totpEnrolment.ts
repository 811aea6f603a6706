/** Enrolling and resetting a TOTP authenticator (PART11 25): the second factor of login and signing. */
import { AuthError } from './authError';
import type { InTransaction } from './inTransaction';
import { findAccountById } from './internal/accounts';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import { generateTotpSecret, totpUri, verifyTotpCode } from './internal/totp';
import { openTotpSecret, sealTotpSecret } from './internal/totpSecretBox';

export interface TotpEnrolment {
  /** Base32, for typing into an app by hand. */
  secret: string;
  /** `otpauth://totp/...`, for a QR code. */
  otpauthUrl: string;
}

/**
 * Offers a new secret. Nothing changes for login until {@link confirmTotpEnrolment} proves the
 * user's app holds it. Starting again replaces an unconfirmed secret. Refuses with
 * `user_not_found` or `totp_already_enrolled`.
 *
 * @example
 * ```ts
 * const { otpauthUrl } = await auth.beginTotpEnrolment(principal.userId);
 * ```
 */
export async function beginTotpEnrolment(ctx: AuthContext, userId: string): Promise<TotpEnrolment> {
  const account = await findAccountById(ctx.db, userId);
  if (!account) throw new AuthError('user_not_found');
  if (account.totpSecret !== null) throw new AuthError('totp_already_enrolled');
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
 * signing ask for a code. Refuses with `totp_enrolment_not_started` or `invalid_otp`.
 */
export async function confirmTotpEnrolment(ctx: AuthContext, userId: string, code: string): Promise<void> {
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
  await ctx.db
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
    .execute();
  await emitSecurityEvent(ctx, { type: 'totp.enrolled', userId, at: now });
}

/**
 * Removes a user's authenticator, for a lost or replaced device; they may enrol again. An
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
      .set({
        totp_secret: null,
        totp_confirmed_at: null,
        totp_pending_secret: null,
        totp_last_time_step: null,
      })
      .where('user_id', '=', userId)
      .executeTakeFirst();
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
