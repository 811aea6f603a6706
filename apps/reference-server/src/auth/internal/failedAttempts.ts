/**
 * The lockout of PART11 24, shared by login, password change and signing.
 *
 * An attempt is reserved (counted as failed) before the slow password check and settled after
 * it, so many guesses sent at once cannot all pass the lock check before the first is counted,
 * and no row lock is held during argon2 (PGlite has a single connection).
 */
import type { AuthContext } from './authContext';
import { addMinutes, emitSecurityEvent } from './authContext';

/** Counts one attempt in advance. Undefined when the account is locked (or its attempts are all in flight). */
export async function reserveAttempt(ctx: AuthContext, userId: string): Promise<number | undefined> {
  const now = ctx.clock();
  const row = await ctx.db
    .updateTable('auth_credentials')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where('failed_attempts', '<', ctx.policy.maxFailedAttempts)
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts;
}

/** The reserved attempt failed: it stays counted, and the last allowed one locks the account. */
export async function settleFailedAttempt(
  ctx: AuthContext,
  userId: string,
  reservedCount: number,
): Promise<{ locked: boolean }> {
  if (reservedCount < ctx.policy.maxFailedAttempts) return { locked: false };
  const at = ctx.clock();
  const until = addMinutes(at, ctx.policy.lockoutMinutes);
  await ctx.db
    .updateTable('auth_credentials')
    .set({ locked_until: until, failed_attempts: 0 })
    .where('user_id', '=', userId)
    .execute();
  await emitSecurityEvent(ctx, { type: 'account.locked', userId, until, at });
  return { locked: true };
}

/**
 * The attempt neither failed nor completed (say, the password was right but a TOTP code is
 * still due): it is uncounted, but earlier failures stay, or a stolen password would let
 * an attacker guess codes for ever.
 */
export async function releaseAttempt(ctx: AuthContext, userId: string): Promise<void> {
  await ctx.db
    .updateTable('auth_credentials')
    .set((eb) => ({
      failed_attempts: eb.fn<number>('greatest', [eb('failed_attempts', '-', 1), eb.lit(0)]),
    }))
    .where('user_id', '=', userId)
    .execute();
}

/** A complete success ends the run of consecutive failures. */
export async function clearFailedAttempts(ctx: AuthContext, userId: string): Promise<void> {
  await ctx.db
    .updateTable('auth_credentials')
    .set({ failed_attempts: 0, locked_until: null })
    .where('user_id', '=', userId)
    .execute();
}
