import { AuthError } from './authError';
import type { InTransaction } from './inTransaction';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import { revokeUserSessions } from './internal/sessions';

export interface DeactivateUserOptions {
  /** The administrator, for the security event. */
  actorId?: string;
  reason?: string | null;
  /** The host's audit-trail entry of the deactivation, written in the same transaction. */
  inTransaction?: InTransaction;
}

/**
 * Deactivates a user at once (PART11 23): `users.active` becomes false and every session and
 * refresh token is revoked in the same transaction, so their access tokens stop verifying on
 * the next request. The user row stays: ids are never reused (PART11 16).
 */
export async function deactivateUser(
  ctx: AuthContext,
  userId: string,
  options: DeactivateUserOptions = {},
): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ active: false })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AuthError('user_not_found');
    await revokeUserSessions(trx, userId, 'user_deactivated', now);
    await options.inTransaction?.(trx);
  });
  await emitSecurityEvent(ctx, {
    type: 'user.deactivated',
    userId,
    actorId: options.actorId ?? null,
    reason: options.reason ?? null,
    at: now,
  });
}
