import { findAccountById, normalizeEmail } from './internal/accounts';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import { isPasswordExpired } from './internal/credentialCheck';
import {
  clearFailedAttempts,
  releaseAttempt,
  reserveAttempt,
  settleFailedAttempt,
} from './internal/failedAttempts';
import { verifyPassword } from './internal/passwordHashing';
import { consumeTotpCode } from './internal/totp';
import type { SigningFailureReason } from './securityEvent';
import { isSsoProof, spendSsoProof } from './verifySignerSso';

export interface VerifySignerInput {
  /** The signed-in user who signs. */
  userId: string;
  /**
   * Their session, from the access token: the signing rules depend on its history. Optional
   * as in server-kit's `VerifySignerInput`; without one, every signature takes both components.
   */
  sessionId?: string;
  /** The e-mail, the first component of the signature; required when {@link verifySigner} says so. */
  username?: string;
  password: string;
  otp?: string;
}

export type SigningRefusal =
  | 'invalid_credentials'
  | 'username_required'
  | 'otp_required'
  | 'invalid_otp'
  | 'account_locked'
  | 'password_change_required'
  // Single sign-on: the proof is unknown, used or another session's; or the provider's login is no longer fresh.
  | 'reauthentication_required'
  | 'reauthentication_stale';

export type VerifySignerResult = { ok: true; printedName: string } | { ok: false; code: SigningRefusal };

interface SigningSession {
  lastSeenAt: Date;
  continuousSince: Date;
  lastSignedAt: Date | null;
}

/**
 * 21 CFR 11.200(a)(1): within one continuous session the first signature takes both components
 * (user name and password), later ones at least the password. The session stops being continuous
 * after `signingIdleMinutes` without activity, and a new login is a new session.
 */
export function signingNeedsUsername(
  session: SigningSession,
  now: Date,
  signingIdleMinutes: number,
): boolean {
  if (session.lastSignedAt === null || session.lastSignedAt < session.continuousSince) return true;
  const lastActivity = Math.max(session.lastSeenAt.getTime(), session.lastSignedAt.getTime());
  return now.getTime() - lastActivity > signingIdleMinutes * 60_000;
}

/**
 * Re-authenticates a signer for an electronic signature (21 CFR 11.200): the password, the
 * user name when {@link signingNeedsUsername}, and the TOTP code when the user has an
 * authenticator. Failures count toward lockout like failed logins. Never signs for an account
 * whose password an administrator reset and its owner has not yet changed (PART11 18).
 *
 * @example
 * ```ts
 * const result = await auth.verifySigner({ userId, sessionId, password, username, otp });
 * if (!result.ok) return problem(401, result.code);
 * ```
 */
export async function verifySigner(ctx: AuthContext, input: VerifySignerInput): Promise<VerifySignerResult> {
  const { userId, sessionId } = input;
  const refuse = async (code: SigningRefusal, reason?: SigningFailureReason): Promise<VerifySignerResult> => {
    if (reason)
      await emitSecurityEvent(ctx, {
        type: 'signing.failed',
        userId,
        sessionId: sessionId ?? null,
        reason,
        at: ctx.clock(),
      });
    return { ok: false, code };
  };

  const session =
    sessionId === undefined
      ? undefined
      : await ctx.db
          .selectFrom('auth_sessions')
          .select([
            'last_seen_at as lastSeenAt',
            'continuous_since as continuousSince',
            'last_signed_at as lastSignedAt',
          ])
          .where('id', '=', sessionId)
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
  const account = await findAccountById(ctx.db, userId);
  // A named session that is not this user's open one, or no usable account: nothing was
  // guessed, so nothing is counted.
  if ((sessionId !== undefined && !session) || !account || !account.active)
    return refuse('invalid_credentials');

  // A single sign-on signer re-authenticated at their identity provider, which asked for both
  // components (prompt=login): the proof stands for them (verifySignerSso.ts).
  if (isSsoProof(input.password)) return signWithSsoProof(ctx, input, account, refuse);

  const username = input.username?.trim() ? input.username : undefined;
  const needsUsername = !session || signingNeedsUsername(session, ctx.clock(), ctx.policy.signingIdleMinutes);
  if (username === undefined && needsUsername) return refuse('username_required');

  const reservedCount = await reserveAttempt(ctx, userId);
  if (reservedCount === undefined) return refuse('account_locked', 'locked');
  const fail = async (code: 'invalid_credentials' | 'invalid_otp', reason: SigningFailureReason) => {
    await emitSecurityEvent(ctx, {
      type: 'signing.failed',
      userId,
      sessionId: sessionId ?? null,
      reason,
      at: ctx.clock(),
    });
    const { locked } = await settleFailedAttempt(ctx, userId, reservedCount);
    return { ok: false, code: locked ? 'account_locked' : code } as const;
  };

  // The password is checked even when the user name is wrong, so timing does not say which was.
  const passwordMatches = await verifyPassword(account.passwordHash, input.password);
  if (username !== undefined && normalizeEmail(username) !== account.email)
    return fail('invalid_credentials', 'wrong_username');
  if (!passwordMatches) return fail('invalid_credentials', 'wrong_password');

  if (account.mustChangePassword || isPasswordExpired(ctx, account)) {
    await releaseAttempt(ctx, userId);
    return refuse('password_change_required');
  }
  if (account.totpSecret !== null) {
    if (!input.otp) {
      await releaseAttempt(ctx, userId);
      return refuse('otp_required');
    }
    if (!(await consumeTotpCode(ctx, account, input.otp))) return fail('invalid_otp', 'invalid_otp');
  }

  await clearFailedAttempts(ctx, userId);
  const now = ctx.clock();
  if (sessionId !== undefined) {
    await ctx.db
      .updateTable('auth_sessions')
      .set({ last_signed_at: now, last_seen_at: now })
      .where('id', '=', sessionId)
      .execute();
  }
  return { ok: true, printedName: account.displayName };
}

async function signWithSsoProof(
  ctx: AuthContext,
  input: VerifySignerInput,
  account: { displayName: string; lockedUntil: Date | null },
  refuse: (code: SigningRefusal, reason?: SigningFailureReason) => Promise<VerifySignerResult>,
): Promise<VerifySignerResult> {
  const now = ctx.clock();
  if (account.lockedUntil !== null && account.lockedUntil > now) return refuse('account_locked', 'locked');
  const verdict = await spendSsoProof(ctx, {
    userId: input.userId,
    sessionId: input.sessionId,
    proof: input.password,
  });
  if (verdict === 'invalid') return refuse('reauthentication_required', 'sso_proof_invalid');
  if (verdict === 'stale') return refuse('reauthentication_stale', 'sso_reauthentication_stale');
  if (input.sessionId !== undefined) {
    await ctx.db
      .updateTable('auth_sessions')
      .set({ last_signed_at: now, last_seen_at: now })
      .where('id', '=', input.sessionId)
      .execute();
  }
  return { ok: true, printedName: account.displayName };
}
