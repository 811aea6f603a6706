import { AuthError } from './authError';
import type { InTransaction } from './inTransaction';
import { findAccountById } from './internal/accounts';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import { releaseAttempt, reserveAttempt, settleFailedAttempt } from './internal/failedAttempts';
import { assertPasswordLength, isRecentlyUsed, replacePassword } from './internal/passwordChange';
import { hashPassword, verifyPassword } from './internal/passwordHashing';
import { revokeUserSessions } from './internal/sessions';

export type SetPasswordOptions =
  | {
      /** The signed-in user changes their own password and proves they know the current one. */
      by: 'self';
      currentPassword: string;
      /** The session to keep open (the one the change is made from); every other session ends. */
      exceptSessionId?: string;
    }
  | {
      /**
       * An administrator sets a temporary password. The user must replace it before they can
       * log in or sign, so the administrator who knows it cannot act as them (PART11 18).
       */
      by: 'admin';
      /** The administrator, for the security event. */
      actorId?: string;
      reason?: string | null;
      /** The host's audit-trail entry of the reset, written in the same transaction. */
      inTransaction?: InTransaction;
    };

/**
 * Changes a password under the policy: length, and no reuse of the last `historySize`.
 * Refuses with `password_too_short`, `password_too_long`, `password_reused`, `user_not_found`,
 * and for a self change `invalid_credentials` or `account_locked` (a wrong current password
 * counts toward lockout). Either way the user's other sessions end, since a password is
 * changed when it may be known to someone else.
 *
 * @example
 * ```ts
 * await auth.setPassword(userId, temporaryPassword, { by: 'admin', actorId: admin.userId });
 * ```
 */
export async function setPassword(
  ctx: AuthContext,
  userId: string,
  newPassword: string,
  options: SetPasswordOptions,
): Promise<void> {
  assertPasswordLength(ctx, newPassword);
  const account = await findAccountById(ctx.db, userId);
  if (!account) throw new AuthError('user_not_found');

  if (options.by === 'self') {
    const reservedCount = await reserveAttempt(ctx, userId);
    if (reservedCount === undefined) throw new AuthError('account_locked');
    if (!(await verifyPassword(account.passwordHash, options.currentPassword))) {
      const { locked } = await settleFailedAttempt(ctx, userId, reservedCount);
      throw new AuthError(locked ? 'account_locked' : 'invalid_credentials');
    }
  }
  if (await isRecentlyUsed(ctx, account, newPassword)) {
    if (options.by === 'self') await releaseAttempt(ctx, userId);
    throw new AuthError('password_reused');
  }

  const passwordHash = await hashPassword(newPassword, ctx.hashing);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await replacePassword(ctx, trx, account, passwordHash, options.by === 'admin');
    if (options.by === 'self')
      await revokeUserSessions(trx, userId, 'password_changed', now, options.exceptSessionId);
    else {
      await revokeUserSessions(trx, userId, 'password_reset', now);
      await options.inTransaction?.(trx);
    }
  });
  await emitSecurityEvent(ctx, {
    type: 'password.changed',
    userId,
    by: options.by,
    actorId: options.by === 'admin' ? (options.actorId ?? null) : userId,
    ...(options.by === 'admin' ? { reason: options.reason ?? null } : {}),
    at: now,
  });
}
