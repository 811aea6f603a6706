/**
 * Asking a signed-in user for their password again (and a code) before a change that weakens
 * or replaces their second factor: a session left open on a shared screen is not enough for it.
 * Counted toward lockout like a login, so it cannot be used to guess the password.
 */
import { AuthError } from './authError';
import { findAccountById } from './internal/accounts';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import { checkPassword, refuseInactive } from './internal/credentialCheck';
import { clearFailedAttempts, settleFailedAttempt } from './internal/failedAttempts';
import { consumeRecoveryCode } from './internal/recoveryCodes';
import { consumeTotpCode } from './internal/totp';

export interface ReauthenticateInput {
  password: string;
  /** A TOTP code or an unused recovery code; required when `requireCode` is set. */
  code?: string;
  /** The account must have an authenticator, and the code must match it. */
  requireCode?: boolean;
}

/**
 * Checks the user's password (and code). Refuses with `user_not_found`, `invalid_credentials`,
 * `account_locked`, `account_inactive`, `totp_not_enrolled`, `otp_required` or `invalid_otp`.
 */
export async function reauthenticate(
  ctx: AuthContext,
  userId: string,
  input: ReauthenticateInput,
): Promise<void> {
  const account = await findAccountById(ctx.db, userId);
  if (!account) throw new AuthError('user_not_found');
  if (input.requireCode && account.totpSecret === null) throw new AuthError('totp_not_enrolled');
  const check = await checkPassword(ctx, account.email, input.password);
  await refuseInactive(ctx, check);
  if (input.requireCode) {
    const code = input.code?.trim() ?? '';
    if (code === '') {
      await settleFailedAttempt(ctx, userId, check.reservedCount);
      throw new AuthError('otp_required');
    }
    const matched = /^\d{6}$/.test(code.replace(/\s/g, ''))
      ? await consumeTotpCode(ctx, check.account, code)
      : (await consumeRecoveryCode(ctx, userId, code)) !== undefined;
    if (!matched) {
      await emitSecurityEvent(ctx, {
        type: 'login.failed',
        userId,
        email: account.email,
        reason: 'invalid_otp',
        at: ctx.clock(),
      });
      const { locked } = await settleFailedAttempt(ctx, userId, check.reservedCount);
      throw new AuthError(locked ? 'account_locked' : 'invalid_otp');
    }
  }
  await clearFailedAttempts(ctx, userId);
}
