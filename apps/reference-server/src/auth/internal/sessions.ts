import type { Transaction } from 'kysely';
import type { AuthDatabase } from '../authDatabase';
import { getUser } from '../authUser';
import type { LoginResult } from '../login';
import type { SessionRevokedReason } from '../securityEvent';
import { signAccessToken } from './accessToken';
import type { AuthContext } from './authContext';
import { addSeconds, emitSecurityEvent } from './authContext';
import { generateRefreshToken, hashRefreshToken } from './refreshToken';
import { uuidv7 } from './uuidv7';

type AuthTransaction = Transaction<AuthDatabase>;

/** Stores a new refresh token of the session and returns the token itself, which only the client keeps. */
export async function addRefreshToken(
  ctx: AuthContext,
  trx: AuthTransaction,
  userId: string,
  sessionId: string,
  now: Date,
): Promise<string> {
  const token = generateRefreshToken();
  await trx
    .insertInto('auth_refresh_tokens')
    .values({
      id: uuidv7(),
      user_id: userId,
      session_id: sessionId,
      token_hash: hashRefreshToken(token),
      created_at: now,
      expires_at: addSeconds(now, ctx.refreshTokenTtlSeconds),
      used_at: null,
      revoked_at: null,
    })
    .execute();
  return token;
}

/** The access token and user of a session, read fresh so roles changed since login show at once. */
export async function sessionTokens(
  ctx: AuthContext,
  userId: string,
  sessionId: string,
  refreshToken: string,
): Promise<LoginResult> {
  const user = await getUser(ctx, userId);
  if (user === null) throw new Error(`User ${userId} has a session but no credentials`);
  const accessToken = await signAccessToken(
    { userId, orgId: user.orgId, roles: user.roles, displayName: user.displayName, sessionId },
    ctx.jwtSecret,
    ctx.clock(),
    ctx.accessTokenTtlSeconds,
  );
  return { accessToken, refreshToken, user };
}

/** Where a login came from, as the account page shows its sessions. */
export interface SessionClient {
  /** The User-Agent header. */
  userAgent?: string | null;
  /** The client's address. */
  address?: string | null;
}

/** A fresh login: a new session (so signing starts over with both components) and its first tokens. */
export async function startSession(
  ctx: AuthContext,
  userId: string,
  client: SessionClient = {},
): Promise<LoginResult> {
  const now = ctx.clock();
  const sessionId = uuidv7();
  const refreshToken = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('auth_sessions')
      .values({
        id: sessionId,
        user_id: userId,
        created_at: now,
        last_seen_at: now,
        continuous_since: now,
        last_signed_at: null,
        revoked_at: null,
        revoked_reason: null,
        user_agent: client.userAgent?.slice(0, 300) || null,
        ip_address: client.address?.slice(0, 64) || null,
      })
      .execute();
    return addRefreshToken(ctx, trx, userId, sessionId, now);
  });
  await emitSecurityEvent(ctx, { type: 'login.succeeded', userId, sessionId, at: now });
  return sessionTokens(ctx, userId, sessionId, refreshToken);
}

/** Ends one session and every refresh token of its family. True when it was still open. */
export async function revokeSession(
  trx: AuthTransaction,
  sessionId: string,
  reason: SessionRevokedReason,
  now: Date,
): Promise<boolean> {
  const revoked = await trx
    .updateTable('auth_sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  await trx
    .updateTable('auth_refresh_tokens')
    .set({ revoked_at: now })
    .where('session_id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
  return revoked.numUpdatedRows > 0n;
}

/** Ends every session of a user (but `exceptSessionId`), for a deactivation or a changed password. */
export async function revokeUserSessions(
  trx: AuthTransaction,
  userId: string,
  reason: SessionRevokedReason,
  now: Date,
  exceptSessionId?: string,
): Promise<void> {
  let sessions = trx
    .updateTable('auth_sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  let tokens = trx
    .updateTable('auth_refresh_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId !== undefined) {
    sessions = sessions.where('id', '!=', exceptSessionId);
    tokens = tokens.where('session_id', '!=', exceptSessionId);
  }
  await sessions.execute();
  await tokens.execute();
}
