import type { AuthErrorCode } from './authError';
import { AuthError } from './authError';
import type { AuthContext } from './internal/authContext';
import { addSeconds, emitSecurityEvent } from './internal/authContext';
import { hashRefreshToken } from './internal/refreshToken';
import { addRefreshToken, revokeSession, sessionTokens } from './internal/sessions';
import type { LoginResult } from './login';

type RefreshOutcome =
  | { kind: 'rotated'; userId: string; sessionId: string; refreshToken: string }
  | { kind: 'reused'; userId: string; sessionId: string }
  | { kind: 'invalid' }
  /** The session is over for a reason its user can act on (an expired password), or its lifetime ended. */
  | { kind: 'ended'; userId: string; sessionId: string; code: AuthErrorCode; expired: boolean };

/**
 * Trades a refresh token for a new access token and the next refresh token. Each refresh token
 * works once: a second use means it was copied, so the whole family (the session) is revoked
 * and `refresh.reuse_detected` emitted. Refuses with `invalid_refresh_token` (also for an ended
 * session or a deactivated user, and past the session's absolute lifetime), and with
 * `password_expired` or `password_change_required`, which end the session too: what login
 * would refuse, a refresh refuses.
 */
export async function refresh(ctx: AuthContext, refreshToken: string): Promise<LoginResult> {
  const now = ctx.clock();
  const tokenHash = hashRefreshToken(refreshToken);
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<RefreshOutcome> => {
    // One conditional update both checks and spends the token, so two racing uses cannot both win.
    const spent = await trx
      .updateTable('auth_refresh_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['user_id', 'session_id'])
      .executeTakeFirst();
    if (!spent) {
      const earlier = await trx
        .selectFrom('auth_refresh_tokens')
        .select(['user_id', 'session_id', 'used_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!earlier || earlier.used_at === null) return { kind: 'invalid' };
      await revokeSession(trx, earlier.session_id, 'refresh_reuse', now);
      return { kind: 'reused', userId: earlier.user_id, sessionId: earlier.session_id };
    }
    const live = await trx
      .selectFrom('auth_sessions')
      .innerJoin('users', 'users.id', 'auth_sessions.user_id')
      .innerJoin('auth_credentials', 'auth_credentials.user_id', 'auth_sessions.user_id')
      .select([
        'auth_sessions.created_at as createdAt',
        'auth_credentials.must_change_password as mustChangePassword',
        'auth_credentials.password_changed_at as passwordChangedAt',
      ])
      .where('auth_sessions.id', '=', spent.session_id)
      .where('auth_sessions.revoked_at', 'is', null)
      .where('users.active', '=', true)
      .executeTakeFirst();
    if (!live) return { kind: 'invalid' };
    const ended = { kind: 'ended', userId: spent.user_id, sessionId: spent.session_id } as const;
    if (addSeconds(live.createdAt, ctx.sessionMaxAgeSeconds) <= now) {
      await revokeSession(trx, spent.session_id, 'session_expired', now);
      return { ...ended, code: 'invalid_refresh_token', expired: true };
    }
    if (
      live.mustChangePassword ||
      addSeconds(live.passwordChangedAt, ctx.policy.maxAgeDays * 86_400) <= now
    ) {
      await revokeSession(trx, spent.session_id, 'password_changed', now);
      const code = live.mustChangePassword ? 'password_reset_required' : 'password_expired';
      return { ...ended, code, expired: false };
    }
    const next = await addRefreshToken(ctx, trx, spent.user_id, spent.session_id, now);
    return { kind: 'rotated', userId: spent.user_id, sessionId: spent.session_id, refreshToken: next };
  });

  if (outcome.kind === 'reused') {
    const { userId, sessionId } = outcome;
    await emitSecurityEvent(ctx, { type: 'refresh.reuse_detected', userId, sessionId, at: now });
  }
  if (outcome.kind === 'ended') {
    const { userId, sessionId } = outcome;
    const reason = outcome.expired ? 'session_expired' : 'password_changed';
    await emitSecurityEvent(ctx, { type: 'session.revoked', userId, sessionId, reason, at: now });
    throw new AuthError(outcome.code);
  }
  if (outcome.kind !== 'rotated') throw new AuthError('invalid_refresh_token');
  return sessionTokens(ctx, outcome.userId, outcome.sessionId, outcome.refreshToken);
}
