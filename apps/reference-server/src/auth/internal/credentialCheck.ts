/** The steps login and a password change by e-mail share: first factor, then second factor. */
import { AuthError } from '../authError';
import type { Account } from './accounts';
import { findAccountByEmail, normalizeEmail } from './accounts';
import type { AuthContext } from './authContext';
import { addSeconds, emitSecurityEvent } from './authContext';
import { releaseAttempt, reserveAttempt, settleFailedAttempt } from './failedAttempts';
import { verifyPassword } from './passwordHashing';
import { consumeTotpCode } from './totp';

/** An account whose password checked out, with the attempt still reserved for the caller to settle. */
export interface PasswordCheck {
  account: Account;
  reservedCount: number;
}

/**
 * E-mail and password, counted toward lockout. An unknown e-mail gets the same argon2 work and
 * the same error as a wrong password, so neither answer nor timing says which accounts exist.
 */
export async function checkPassword(
  ctx: AuthContext,
  email: string,
  password: string,
): Promise<PasswordCheck> {
  const account = await findAccountByEmail(ctx.db, email);
  if (!account) {
    await verifyPassword(await ctx.decoyHash(), password);
    await emitSecurityEvent(ctx, {
      type: 'login.failed',
      userId: null,
      email: normalizeEmail(email),
      reason: 'unknown_email',
      at: ctx.clock(),
    });
    throw new AuthError('invalid_credentials');
  }
  const reservedCount = await reserveAttempt(ctx, account.userId);
  if (reservedCount === undefined) {
    await emitSecurityEvent(ctx, {
      type: 'login.failed',
      userId: account.userId,
      email: account.email,
      reason: 'locked',
      at: ctx.clock(),
    });
    throw new AuthError('account_locked');
  }
  if (!(await verifyPassword(account.passwordHash, password))) {
    await emitSecurityEvent(ctx, {
      type: 'login.failed',
      userId: account.userId,
      email: account.email,
      reason: 'wrong_password',
      at: ctx.clock(),
    });
    const { locked } = await settleFailedAttempt(ctx, account.userId, reservedCount);
    throw new AuthError(locked ? 'account_locked' : 'invalid_credentials');
  }
  return { account, reservedCount };
}

/** A right password on a deactivated account: refused, but not counted as a guess. */
export async function refuseInactive(ctx: AuthContext, { account }: PasswordCheck): Promise<void> {
  if (account.active) return;
  await releaseAttempt(ctx, account.userId);
  await emitSecurityEvent(ctx, {
    type: 'login.failed',
    userId: account.userId,
    email: account.email,
    reason: 'inactive',
    at: ctx.clock(),
  });
  throw new AuthError('account_inactive');
}

/** The TOTP code, when the account has an authenticator; a wrong code counts toward lockout. */
export async function checkSecondFactor(
  ctx: AuthContext,
  { account, reservedCount }: PasswordCheck,
  otp: string | undefined,
): Promise<void> {
  if (account.totpSecret === null) return;
  if (otp === undefined || otp === '') {
    await releaseAttempt(ctx, account.userId);
    throw new AuthError('otp_required');
  }
  if (await consumeTotpCode(ctx, account, otp)) return;
  await emitSecurityEvent(ctx, {
    type: 'login.failed',
    userId: account.userId,
    email: account.email,
    reason: 'invalid_otp',
    at: ctx.clock(),
  });
  const { locked } = await settleFailedAttempt(ctx, account.userId, reservedCount);
  throw new AuthError(locked ? 'account_locked' : 'invalid_otp');
}

/** 21 CFR 11.300(b): a password older than the policy allows must be revised before it is used again. */
export function isPasswordExpired(ctx: AuthContext, account: Account): boolean {
  const expiresAt = addSeconds(account.passwordChangedAt, ctx.policy.maxAgeDays * 86_400);
  return ctx.clock() >= expiresAt;
}
