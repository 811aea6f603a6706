import { localeSchema, type SupportedLocale } from '@masetra/core';
import { readAccessToken } from './internal/accessToken';
import { rolesOf } from './internal/accounts';
import type { AuthContext } from './internal/authContext';
import { addSeconds } from './internal/authContext';
import { needsMfaEnrolment } from './mfaPolicy';

/**
 * Who a request comes from: the shape of `Principal` in `@masetra/core`, so it can be handed
 * to server-kit's `authenticate` as it is.
 */
export interface AuthPrincipal {
  userId: string;
  orgId: string;
  displayName: string;
  roles: string[];
  sessionId: string;
  /** The language the user chose, when they chose one (PDFs and messages are written in it). */
  locale?: SupportedLocale;
  /**
   * The organization requires a second factor of this user and they have none yet: the session
   * may enrol one (the account routes) and nothing else.
   */
  mfaEnrolmentRequired?: boolean;
}

// Writing last_seen_at on every request would double the writes for nothing the idle rule needs.
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * The principal of a valid access token, or null. Besides the signature and expiry, the
 * session must still be open and the user active (PART11 23: a logout or deactivation takes
 * effect at once, not when the token expires); name, organization and roles are read fresh
 * (PART11 11: authority is checked at the moment of use).
 *
 * @example
 * ```ts
 * const principal = await auth.verifyAccessToken(bearerToken);
 * if (!principal) return unauthorized();
 * ```
 */
export async function verifyAccessToken(ctx: AuthContext, token: string): Promise<AuthPrincipal | null> {
  const now = ctx.clock();
  const claims = await readAccessToken(token, ctx.jwtSecret, now);
  if (!claims) return null;
  const session = await ctx.db
    .selectFrom('auth_sessions')
    .innerJoin('users', 'users.id', 'auth_sessions.user_id')
    .leftJoin('auth_credentials', 'auth_credentials.user_id', 'auth_sessions.user_id')
    // The organization's MFA rule in the same query: it is needed for every user without an authenticator.
    .leftJoin('auth_security_policies', 'auth_security_policies.org_id', 'users.org_id')
    // The user's language in the same query: the kit prints PDFs and messages in it.
    .leftJoin('auth_user_preferences', 'auth_user_preferences.user_id', 'auth_sessions.user_id')
    .select([
      'auth_user_preferences.locale as locale',
      'auth_credentials.totp_secret as totpSecret',
      'auth_security_policies.mfa_required as mfaRequired',
      'users.org_id as orgId',
      'users.display_name as displayName',
      'auth_sessions.last_seen_at as lastSeenAt',
    ])
    .where('auth_sessions.id', '=', claims.sessionId)
    .where('auth_sessions.user_id', '=', claims.userId)
    .where('auth_sessions.revoked_at', 'is', null)
    // The absolute lifetime: however active, a session ends this long after its login.
    .where('auth_sessions.created_at', '>', addSeconds(now, -ctx.sessionMaxAgeSeconds))
    .where('users.active', '=', true)
    .executeTakeFirst();
  if (!session) return null;

  const sinceLastSeen = now.getTime() - session.lastSeenAt.getTime();
  if (sinceLastSeen >= LAST_SEEN_RESOLUTION_MS) {
    // After an idle gap the continuous session of 21 CFR 11.200(a)(1) starts over: the next
    // signature needs the user name again (see verifySigner).
    const idle = sinceLastSeen > ctx.policy.signingIdleMinutes * 60_000;
    await ctx.db
      .updateTable('auth_sessions')
      .set(idle ? { last_seen_at: now, continuous_since: now } : { last_seen_at: now })
      .where('id', '=', claims.sessionId)
      .execute();
  }

  const roles = await rolesOf(ctx.db, claims.userId);
  const principal: AuthPrincipal = {
    userId: claims.userId,
    orgId: session.orgId,
    displayName: session.displayName,
    roles,
    sessionId: claims.sessionId,
  };
  const locale = localeSchema.safeParse(session.locale);
  if (locale.success) principal.locale = locale.data;
  if (
    await needsMfaEnrolment(ctx, {
      userId: claims.userId,
      orgId: session.orgId,
      roles,
      hasAuthenticator: session.totpSecret !== null,
      storedRequirement: session.mfaRequired,
    })
  ) {
    principal.mfaEnrolmentRequired = true;
  }
  return principal;
}
