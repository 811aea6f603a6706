/**
 * A user's open sessions, as their account page lists them, and ending them: one, all but the
 * current one, or (an administrator) all of someone's. An ended session's refresh token stops at
 * once and its access token at the next request (verifyAccessToken reads the session).
 */
import Bowser from 'bowser';
import type { Transaction } from 'kysely';
import type { AuthDatabase } from './authDatabase';
import { AuthError } from './authError';
import type { AuthContext } from './internal/authContext';
import { addSeconds, emitSecurityEvent } from './internal/authContext';
import { revokeSession, revokeUserSessions } from './internal/sessions';

export interface AccountSession {
  id: string;
  /** The browser and system in short, e.g. "Chrome 131 on Linux"; null without a User-Agent. */
  device: string | null;
  /** The address it signed in from, when known. */
  address: string | null;
  startedAt: Date;
  lastUsedAt: Date;
  /** It ends then, however active it is (the absolute lifetime). */
  expiresAt: Date;
  /** The session asking. */
  current: boolean;
}

/** "Firefox 133 on Windows", from a User-Agent; the version is the major one only. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const { browser, os } = Bowser.parse(userAgent);
  const major = browser.version?.split('.')[0];
  const name = browser.name ? [browser.name, major].filter(Boolean).join(' ') : undefined;
  const system = os.name || undefined;
  if (name && system) return `${name} on ${system}`;
  return name ?? system ?? userAgent.slice(0, 60);
}

/**
 * The user's sessions that are still open: not ended, within their absolute lifetime, and
 * with a refresh token that is still good (else the idle lifetime ended them). Newest first.
 */
export async function listSessions(
  ctx: AuthContext,
  userId: string,
  currentSessionId: string | null,
): Promise<AccountSession[]> {
  const now = ctx.clock();
  const rows = await ctx.db
    .selectFrom('auth_sessions')
    .select(['id', 'user_agent', 'ip_address', 'created_at', 'last_seen_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('created_at', '>', addSeconds(now, -ctx.sessionMaxAgeSeconds))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('auth_refresh_tokens')
          .select('auth_refresh_tokens.id')
          .whereRef('auth_refresh_tokens.session_id', '=', 'auth_sessions.id')
          .where('auth_refresh_tokens.used_at', 'is', null)
          .where('auth_refresh_tokens.revoked_at', 'is', null)
          .where('auth_refresh_tokens.expires_at', '>', now),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    device: describeDevice(row.user_agent),
    address: row.ip_address,
    startedAt: row.created_at,
    lastUsedAt: row.last_seen_at,
    expiresAt: addSeconds(row.created_at, ctx.sessionMaxAgeSeconds),
    current: row.id === currentSessionId,
  }));
}

/** Ends one of the user's own sessions. Refuses with `session_not_found` for anyone else's or an ended one. */
export async function revokeOwnSession(ctx: AuthContext, userId: string, sessionId: string): Promise<void> {
  const now = ctx.clock();
  const ended = await ctx.db.transaction().execute(async (trx) => {
    const owned = await trx
      .selectFrom('auth_sessions')
      .select('id')
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!owned) return false;
    return revokeSession(trx, sessionId, 'revoked_by_user', now);
  });
  if (!ended) throw new AuthError('session_not_found');
  await emitSecurityEvent(ctx, {
    type: 'session.revoked',
    userId,
    sessionId,
    reason: 'revoked_by_user',
    at: now,
  });
}

/** The ids of the user's sessions not yet ended, in `trx`. */
async function openSessionIds(
  trx: Transaction<AuthDatabase>,
  userId: string,
  except?: string,
): Promise<string[]> {
  let query = trx
    .selectFrom('auth_sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (except !== undefined) query = query.where('id', '!=', except);
  return (await query.execute()).map((row) => row.id);
}

/** Ends every session of the user but the current one; returns how many ended. */
export async function revokeOtherSessions(
  ctx: AuthContext,
  userId: string,
  currentSessionId: string,
): Promise<number> {
  const now = ctx.clock();
  const ended = await ctx.db.transaction().execute(async (trx) => {
    const ids = await openSessionIds(trx, userId, currentSessionId);
    await revokeUserSessions(trx, userId, 'revoked_by_user', now, currentSessionId);
    return ids;
  });
  for (const sessionId of ended) {
    await emitSecurityEvent(ctx, {
      type: 'session.revoked',
      userId,
      sessionId,
      reason: 'revoked_by_user',
      at: now,
    });
  }
  return ended.length;
}

export interface RevokeUserSessionsOptions {
  actorId: string;
  /** The host's audit-trail entry of the act, in the same transaction. */
  inTransaction?: (trx: Transaction<AuthDatabase>, ended: number) => Promise<void>;
}

/** An administrator ends every session of a user at once (a lost laptop, a departure). Returns how many ended. */
export async function revokeAllSessions(
  ctx: AuthContext,
  userId: string,
  options: RevokeUserSessionsOptions,
): Promise<number> {
  const now = ctx.clock();
  const ended = await ctx.db.transaction().execute(async (trx) => {
    const ids = await openSessionIds(trx, userId);
    await revokeUserSessions(trx, userId, 'revoked_by_admin', now);
    await options.inTransaction?.(trx, ids.length);
    return ids;
  });
  for (const sessionId of ended) {
    await emitSecurityEvent(ctx, {
      type: 'session.revoked',
      userId,
      sessionId,
      reason: 'revoked_by_admin',
      at: now,
    });
  }
  return ended.length;
}
