import { AuthError } from './authError';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import { checkPassword, checkSecondFactor, refuseInactive } from './internal/credentialCheck';
import { clearFailedAttempts, releaseAttempt } from './internal/failedAttempts';
import { assertPasswordLength, isRecentlyUsed, replacePassword } from './internal/passwordChange';
import { hashPassword } from './internal/passwordHashing';
import { revokeUserSessions, type SessionClient, startSession } from './internal/sessions';
import type { LoginResult } from './login';

export interface ChangePasswordWithCurrentInput {
  email: string;
  currentPassword: string;
  newPassword: string;
  /** Required when the account has an authenticator, as for login. */
  otp?: string;
  /** The client's address: failed attempts are counted per account and address, as for login. */
  source?: string;
  /** The device and address the account page shows for the session it opens. */
  client?: SessionClient;
}

/**
 * The way out of `password_expired`: a user whose password is too old changes it with the
 * current one, and is logged in. Checks everything login checks, in the same order (the account's
 * state only after both factors), so it is no easier to guess through; every earlier session
 * ends. A password an administrator chose (`must_change_password`) is refused with
 * `password_reset_required`: the administrator knows it, so it must not open a session even to
 * replace itself; its owner asks for a reset link instead (PART11 18).
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
  const check = await checkPassword(ctx, input.email, input.currentPassword, input.source);
  const { account } = check;
  await checkSecondFactor(ctx, check, input.otp, async () => {
    await refuseInactive(ctx, check);
    if (account.mustChangePassword) {
      await releaseAttempt(ctx, account.userId, check.source);
      throw new AuthError('password_reset_required');
    }
    // Before the code is spent, so a refused new password leaves it good for the next try.
    if (await isRecentlyUsed(ctx, account, input.newPassword)) {
      await releaseAttempt(ctx, account.userId, check.source);
      throw new AuthError('password_reused');
    }
  });
  await clearFailedAttempts(ctx, account.userId, check.source);

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
  return startSession(ctx, account.userId, input.client);
}
