/** A recovery code in place of the TOTP code at login: for a lost or broken authenticator. */
import { AuthError } from './authError';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import type { PasswordCheck } from './internal/credentialCheck';
import { settleFailedAttempt } from './internal/failedAttempts';
import { consumeRecoveryCode } from './internal/recoveryCodes';

/**
 * Spends one of the account's recovery codes as its second factor (with the host's trail entry,
 * in one transaction) and reports `recovery_code.used`. A wrong or used code counts toward
 * lockout, as a wrong TOTP code does. An account without an authenticator needs no second factor.
 */
export async function checkRecoveryCode(
  ctx: AuthContext,
  { account, reservedCount }: PasswordCheck,
  code: string,
  source?: string,
): Promise<void> {
  if (account.totpSecret === null) return;
  const remaining = await consumeRecoveryCode(ctx, account.userId, code);
  if (remaining !== undefined) {
    await emitSecurityEvent(ctx, {
      type: 'recovery_code.used',
      userId: account.userId,
      sessionId: null,
      remaining,
      at: ctx.clock(),
    });
    return;
  }
  await emitSecurityEvent(ctx, {
    type: 'login.failed',
    userId: account.userId,
    email: account.email,
    reason: 'invalid_otp',
    at: ctx.clock(),
  });
  // A lock this failure starts is not announced at the sign-in (issue #12): the owner is e-mailed.
  await settleFailedAttempt(ctx, account.userId, reservedCount, source);
  throw new AuthError('invalid_recovery_code');
}
