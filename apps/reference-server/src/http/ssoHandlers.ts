import type { SessionUser } from '@masetra/core/auth';
import type { RequestHandler } from 'express';
import type { AuthPrincipal, AuthService, LoginResult } from '../auth';
import type { Sso } from '../sso/createSso';
import type { UserDirectory } from '../users/userDirectory';
import { requestSource } from '../users/userTrail';
import { requirePermission } from './authenticateBearer';
import type { HostRouteHandlers, HostRouteId } from './hostRoutes';
import { HostProblemError } from './sendProblem';

/** Single sign-on and its settings: `sso.*` of `authRoutes`. */
export type SsoRouteHandlers = Pick<HostRouteHandlers, Extract<HostRouteId, `sso.${string}`>>;

export interface SsoHandlersOptions {
  sso: Sso;
  auth: AuthService;
  users: UserDirectory;
  /** The sign-in routes' limit per client address (`RateLimits.signIn`), shared by every replica. */
  signInLimit: RequestHandler;
}

function actorOf(principal: AuthPrincipal) {
  return {
    userId: principal.userId,
    displayName: principal.displayName,
    orgId: principal.orgId,
    sessionId: principal.sessionId,
  };
}

/**
 * The routes of single sign-on with the organization's OpenID Connect provider: sign-in, the
 * re-authentication a signature takes, and the administrator's settings.
 */
export function ssoHandlers({ sso, auth, users, signInLimit }: SsoHandlersOptions): SsoRouteHandlers {
  // Starting, finishing and re-authenticating count like password sign-ins, per client address.
  const limited = [signInLimit];
  const adminOnly = [requirePermission('administerUsers')];
  const tokens = async (result: LoginResult): Promise<LoginResult & { user: SessionUser }> => {
    const organization = await users.organization(result.user.orgId);
    return { ...result, user: { ...result.user, orgName: organization?.name } };
  };

  return {
    'sso.start': { guards: limited, handle: async ({ body }) => sso.start(body.email) },
    'sso.complete': {
      guards: limited,
      handle: async ({ body }) => tokens(await sso.complete(body.callbackQuery)),
    },
    'sso.signing': {
      handle: async ({ principal }) => ({ provider: await sso.signingProvider(principal().userId) }),
    },
    'sso.reauthenticate': {
      guards: limited,
      handle: async ({ principal }) => {
        const caller = principal();
        const user = await auth.getUser(caller.userId);
        if (!user) throw new HostProblemError({ status: 401, title: 'Authentication required' });
        return sso.beginReauthentication({ ...actorOf(caller), email: user.email });
      },
    },
    'sso.completeReauthentication': {
      guards: limited,
      handle: async ({ body, principal }) =>
        sso.completeReauthentication(actorOf(principal()), body.callbackQuery),
    },
    'sso.settings': {
      guards: adminOnly,
      handle: async ({ principal }) => ({ provider: await sso.settings(principal().orgId) }),
    },
    'sso.saveSettings': {
      guards: adminOnly,
      handle: async ({ body, principal, request }) =>
        sso.saveSettings(actorOf(principal()), body, requestSource(request)),
    },
  };
}
