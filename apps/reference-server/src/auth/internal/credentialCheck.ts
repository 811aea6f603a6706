/**
 * The steps login and a password change by e-mail share: first factor, then second factor, and
 * only then what the account's state is. Until both factors are proven, every refusal reads as
 * a wrong password or a wrong code, so a password alone tells nobody whether the account is
 * locked, deactivated, expired or waiting for a new password.
 */
import { AuthError } from '../authError';
import type { Account } from './accounts';
import { findAccountByEmail, normalizeEmail } from './accounts';
import type { AuthContext } from './authContext';
import { addSeconds, emitSecurityEvent } from './authContext';
import {
  decoyFailedAttempt,
  releaseAttempt,
  reserveAttempt,
  settleFailedAttempt,
  UNKNOWN_SOURCE,
} from './failedAttempts';
import { verifyPassword } from './passwordHashing';
import { verifyTotpCode } from './totp';
import { openTotpSecret } from './totpSecretBox';

/** An account whose password checked out, with the attempt still reserved for the caller to settle. */
export interface PasswordCheck {
  account: Account;
  reservedCount: number;
  /** The client address the attempt is counted for. */
  source: string;
}

/**
 * E-mail and password, counted toward lockout per account and client address. An unknown
 * e-mail, a locked account and a wrong password get the same argon2 work and the same error,
 * so neither answer nor timing says which accounts exist or which are locked; the owner of a
 * locked account learns of it by e-mail (`lockoutNotice`).
 */
export async function checkPassword(
  ctx: AuthContext,
  email: string,
  password: string,
  source: string = UNKNOWN_SOURCE,
): Promise<PasswordCheck> {
  const account = await findAccountByEmail(ctx.db, email);
  if (!account) {
    await decoyFailedAttempt(ctx, source);
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
  const reservedCount = await reserveAttempt(ctx, account.userId, source);
  if (reservedCount === undefined) {
    // The same work as a wrong password, and not a word more.
    await verifyPassword(account.passwordHash, password);
    await emitSecurityEvent(ctx, {
      type: 'login.failed',
      userId: account.userId,
      email: account.email,
      reason: 'locked',
      at: ctx.clock(),
    });
    throw new AuthError('invalid_credentials');
  }
  if (!(await verifyPassword(account.passwordHash, password))) {
    await emitSecurityEvent(ctx, {
      type: 'login.failed',
      userId: account.userId,
      email: account.email,
      reason: 'wrong_password',
      at: ctx.clock(),
    });
    await settleFailedAttempt(ctx, account.userId, reservedCount, source);
    throw new AuthError('invalid_credentials');
  }
  return { account, reservedCount, source };
}

/** A right password on a deactivated account: refused, but not counted as a guess. */
export async function refuseInactive(ctx: AuthContext, { account, source }: PasswordCheck): Promise<void> {
  if (account.active) return;
  await releaseAttempt(ctx, account.userId, source);
  await emitSecurityEvent(ctx, {
    type: 'login.failed',
    userId: account.userId,
    email: account.email,
    reason: 'inactive',
    at: ctx.clock(),
  });
  throw new AuthError('account_inactive');
}

/**
 * What the account's state says once both factors are proven: deactivated, a password an
 * administrator chose (`password_reset_required`: it opens nothing, PART11 18), or an expired
 * one. Not counted as a guess.
 */
export async function refuseAccountState(ctx: AuthContext, check: PasswordCheck): Promise<void> {
  await refuseInactive(ctx, check);
  const { account, source } = check;
  if (account.mustChangePassword) {
    await releaseAttempt(ctx, account.userId, source);
    throw new AuthError('password_reset_required');
  }
  if (isPasswordExpired(ctx, account)) {
    await releaseAttempt(ctx, account.userId, source);
    throw new AuthError('password_expired');
  }
}

/**
 * The TOTP code, when the account has an authenticator; a wrong code counts toward lockout.
 * `beforeSpending` runs once the code is proven and before it is marked used: a refusal it
 * throws (the account's state) leaves the code good for the password change that follows.
 */
export async function checkSecondFactor(
  ctx: AuthContext,
  { account, reservedCount, source }: PasswordCheck,
  otp: string | undefined,
  beforeSpending?: () => Promise<void>,
): Promise<void> {
  if (account.totpSecret === null) {
    await beforeSpending?.();
    return;
  }
  if (otp === undefined || otp === '') {
    await releaseAttempt(ctx, account.userId, source);
    throw new AuthError('otp_required');
  }
  let step: number | undefined;
  try {
    const secret = openTotpSecret(ctx.totpKey, account.userId, account.totpSecret);
    step = await verifyTotpCode(secret, otp, ctx.clock(), account.totpLastTimeStep);
  } catch {
    // A sealed secret that does not open was altered or moved, or its key is gone: no code matches.
    step = undefined;
  }
  if (step !== undefined) {
    await beforeSpending?.();
    // Marked in one conditional update, so two requests racing with the same code cannot both pass.
    const marked = await ctx.db
      .updateTable('auth_credentials')
      .set({ totp_last_time_step: step })
      .where('user_id', '=', account.userId)
      .where((eb) => eb.or([eb('totp_last_time_step', 'is', null), eb('totp_last_time_step', '<', step)]))
      .executeTakeFirst();
    if (marked.numUpdatedRows > 0n) return;
  }
  await emitSecurityEvent(ctx, {
    type: 'login.failed',
    userId: account.userId,
    email: account.email,
    reason: 'invalid_otp',
    at: ctx.clock(),
  });
  // A lock that this failure starts is not announced here either: the owner is e-mailed.
  await settleFailedAttempt(ctx, account.userId, reservedCount, source);
  throw new AuthError('invalid_otp');
}

/** 21 CFR 11.300(b): a password older than the policy allows must be revised before it is used again. */
export function isPasswordExpired(ctx: AuthContext, account: Account): boolean {
  const expiresAt = addSeconds(account.passwordChangedAt, ctx.policy.maxAgeDays * 86_400);
  return ctx.clock() >= expiresAt;
}
