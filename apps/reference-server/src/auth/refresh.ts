import { AuthError } from './authError';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import { hashRefreshToken } from './internal/refreshToken';
import { addRefreshToken, revokeSession, sessionTokens } from './internal/sessions';
import type { LoginResult } from './login';

type RefreshOutcome =
  | { kind: 'rotated'; userId: string; sessionId: string; refreshToken: string }
  | { kind: 'reused'; userId: string; sessionId: string }
  | { kind: 'invalid' };

/**
 * Trades a refresh token for a new access token and the next refresh token. Each refresh token
 * works once: a second use means it was copied, so the whole family (the session) is revoked
 * and `refresh.reuse_detected` emitted. Refuses with `invalid_refresh_token`.
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
      .select('auth_sessions.id')
      .where('auth_sessions.id', '=', spent.session_id)
      .where('auth_sessions.revoked_at', 'is', null)
      .where('users.active', '=', true)
      .executeTakeFirst();
    if (!live) return { kind: 'invalid' };
    const next = await addRefreshToken(ctx, trx, spent.user_id, spent.session_id, now);
    return { kind: 'rotated', userId: spent.user_id, sessionId: spent.session_id, refreshToken: next };
  });

  if (outcome.kind === 'reused') {
    const { userId, sessionId } = outcome;
    await emitSecurityEvent(ctx, { type: 'refresh.reuse_detected', userId, sessionId, at: now });
  }
  if (outcome.kind !== 'rotated') throw new AuthError('invalid_refresh_token');
  return sessionTokens(ctx, outcome.userId, outcome.sessionId, outcome.refreshToken);
}
