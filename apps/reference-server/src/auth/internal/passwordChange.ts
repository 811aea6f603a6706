/** The password rules of 21 CFR 11.300(b) — length and reuse — and the write of a new password. */
import type { Transaction } from 'kysely';
import type { AuthDatabase } from '../authDatabase';
import { AuthError } from '../authError';
import { MAX_PASSWORD_LENGTH } from '../passwordPolicy';
import type { Account } from './accounts';
import type { AuthContext } from './authContext';
import { clearAllFailedAttempts } from './failedAttempts';
import { passwordLength, verifyPassword } from './passwordHashing';

/** Length first: cheap, and decided before any attempt is counted. */
export function assertPasswordLength(ctx: AuthContext, password: string): void {
  const length = passwordLength(password);
  if (length < ctx.policy.minLength) throw new AuthError('password_too_short');
  if (length > MAX_PASSWORD_LENGTH) throw new AuthError('password_too_long');
}

/** The hashes a new password may not match: the current one and the ones before it, newest first. */
function recentHashes(ctx: AuthContext, account: Account): string[] {
  return [account.passwordHash, ...account.passwordHistory].slice(0, ctx.policy.historySize);
}

export async function isRecentlyUsed(ctx: AuthContext, account: Account, password: string): Promise<boolean> {
  for (const earlier of recentHashes(ctx, account)) {
    if (await verifyPassword(earlier, password)) return true;
  }
  return false;
}

/**
 * Stores the new hash (computed by the caller before its transaction: argon2 should not hold
 * PGlite's one connection) and moves the old one into the history, keeping only as many hashes
 * as the reuse rule reads. `mustChange` marks a password someone other than the user chose.
 * Ends any lockout: the new password starts a fresh count.
 */
export async function replacePassword(
  ctx: AuthContext,
  trx: Transaction<AuthDatabase>,
  account: Account,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  const history = recentHashes(ctx, account).slice(0, Math.max(ctx.policy.historySize - 1, 0));
  await trx
    .updateTable('auth_credentials')
    .set({
      password_hash: passwordHash,
      password_changed_at: ctx.clock(),
      password_history: JSON.stringify(history),
      must_change_password: mustChange,
      failed_attempts: 0,
      locked_until: null,
    })
    .where('user_id', '=', account.userId)
    .execute();
  await clearAllFailedAttempts(trx, account.userId);
}
