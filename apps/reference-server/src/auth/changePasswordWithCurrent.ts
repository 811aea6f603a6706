import { AuthError } from './authError';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import { checkPassword, checkSecondFactor, refuseInactive } from './internal/credentialCheck';
import { releaseAttempt } from './internal/failedAttempts';
import { assertPasswordLength, isRecentlyUsed, replacePassword } from './internal/passwordChange';
import { hashPassword } from './internal/passwordHashing';
import { revokeUserSessions, startSession } from './internal/sessions';
import type { LoginResult } from './login';

export interface ChangePasswordWithCurrentInput {
  email: string;
  currentPassword: string;
  newPassword: string;
  /** Required when the account has an authenticator, as for login. */
  otp?: string;
}

/**
 * The way out of `password_expired` and `password_change_required`: a user who cannot log in
 * changes their password with the current one (the temporary one after a reset), and is logged
 * in. Checks everything login checks, so it is no easier to guess through; every earlier
 * session ends.
 *
 * @example
 * ```ts
 * const session = await auth.changePasswordWithCurrent({ email, currentPassword, newPassword, otp });
 * ```
 */
export async function changePasswordWithCurrent(
  ctx: AuthContext,
  input: ChangePasswordWithCurrentInput,
): Promise<LoginResult> {
  assertPasswordLength(ctx, input.newPassword);
  const check = await checkPassword(ctx, input.email, input.currentPassword);
  const { account } = check;
  await refuseInactive(ctx, check);
  // Before the second factor, so a refused password does not spend the user's TOTP code.
  if (await isRecentlyUsed(ctx, account, input.newPassword)) {
    await releaseAttempt(ctx, account.userId);
    throw new AuthError('password_reused');
  }
  await checkSecondFactor(ctx, check, input.otp);

  const passwordHash = await hashPassword(input.newPassword, ctx.hashing);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await replacePassword(ctx, trx, account, passwordHash, false);
    await revokeUserSessions(trx, account.userId, 'password_changed', now);
  });
  await emitSecurityEvent(ctx, {
    type: 'password.changed',
    userId: account.userId,
    by: 'self',
    actorId: account.userId,
    at: now,
  });
  return startSession(ctx, account.userId);
}
