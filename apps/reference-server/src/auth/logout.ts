import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import { hashRefreshToken } from './internal/refreshToken';
import { revokeSession } from './internal/sessions';

/** The session to end: by the client's refresh token, or by the access token's `sessionId`. */
export type LogoutInput = { refreshToken: string } | { sessionId: string };

/**
 * Ends a session at once: its access tokens stop verifying and its refresh tokens stop working.
 * Ending an unknown or already ended session is not an error, so a retried logout succeeds.
 */
export async function logout(ctx: AuthContext, input: LogoutInput): Promise<void> {
  const now = ctx.clock();
  const session =
    'sessionId' in input
      ? await ctx.db
          .selectFrom('auth_sessions')
          .select(['id as sessionId', 'user_id as userId'])
          .where('id', '=', input.sessionId)
          .executeTakeFirst()
      : await ctx.db
          .selectFrom('auth_refresh_tokens')
          .select(['session_id as sessionId', 'user_id as userId'])
          .where('token_hash', '=', hashRefreshToken(input.refreshToken))
          .executeTakeFirst();
  if (!session) return;
  const ended = await ctx.db
    .transaction()
    .execute((trx) => revokeSession(trx, session.sessionId, 'logout', now));
  if (ended) await emitSecurityEvent(ctx, { type: 'session.revoked', ...session, reason: 'logout', at: now });
}
