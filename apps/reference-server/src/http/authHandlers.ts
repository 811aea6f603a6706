import type { SessionUser } from '@masetra/core';
import { rateLimit } from 'express-rate-limit';
import type { AuthService, AuthUser, LoginResult } from '../auth';
import type { UserAdministration } from '../users/createUserAdministration';
import type { UserDirectory } from '../users/userDirectory';
import { requestSource } from '../users/userTrail';
import type { HostRouteHandlers, HostRouteId } from './hostRoutes';
import { HostProblemError, sendProblem } from './sendProblem';

export interface AuthHandlersOptions {
  auth: AuthService;
  users: UserDirectory;
  administration: UserAdministration;
  /** Login attempts per client address and minute, before 429. */
  loginRateLimit?: number;
  /**
   * Takes work the answer must not wait for (a forgotten-password link), so the answer takes
   * the same time whether or not the address is known; the server awaits it before it stops.
   */
  inBackground?: (work: Promise<void>) => void;
}

/** The sign-in and session routes: `auth.*` of `authRoutes`. */
export type AuthRouteHandlers = Pick<HostRouteHandlers, Extract<HostRouteId, `auth.${string}`>>;

/**
 * The reference server's own sign-in: one host of the server kit among many. Shapes come
 * from core's `authRoutes`, so the client and the OpenAPI document agree with them.
 */
export function authHandlers({
  auth,
  users,
  administration,
  loginRateLimit = 20,
  // Without a tracker the work still runs; its failure is the server's to log, not the caller's to hear.
  inBackground = (work) => void work.catch(() => {}),
}: AuthHandlersOptions): AuthRouteHandlers {
  const sessionUser = async (user: AuthUser): Promise<SessionUser> => {
    const organization = await users.organization(user.orgId);
    return { ...user, orgName: organization?.name };
  };
  const tokens = async (result: LoginResult) => ({ ...result, user: await sessionUser(result.user) });

  // Brute force is slowed per address here; per account, lockout stops it (PART11 24).
  const loginLimiter = rateLimit({
    windowMs: 60_000,
    limit: loginRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      sendProblem(res, {
        status: 429,
        title: 'Too many attempts',
        detail: 'Wait a minute before trying again.',
      }),
  });
  const limited = [loginLimiter];

  return {
    'auth.login': { guards: limited, handle: async ({ body }) => tokens(await auth.login(body)) },
    'auth.refresh': { handle: async ({ body }) => tokens(await auth.refresh(body.refreshToken)) },
    'auth.changePassword': {
      guards: limited,
      handle: async ({ body }) => tokens(await auth.changePasswordWithCurrent(body)),
    },
    // The set-up link's token is the credential; the limiter slows guessing it.
    'auth.setUpAccount': {
      guards: limited,
      handle: async ({ body, request }) =>
        tokens(await auth.setUpAccount(body, administration.accountSetUpEntry(requestSource(request)))),
    },
    // The same answer, at once, for a known and an unknown address: it tells no one who has an account.
    'auth.forgotPassword': {
      guards: limited,
      handle: async ({ body, request }) => {
        inBackground(administration.requestPasswordLink(body.email, requestSource(request)));
        return { ok: true };
      },
    },
    'auth.logout': {
      handle: async ({ body, principal }) => {
        await auth.logout(
          body.refreshToken ? { refreshToken: body.refreshToken } : { sessionId: principal().sessionId },
        );
        return { ok: true };
      },
    },
    'auth.beginTotp': { handle: async ({ principal }) => auth.beginTotpEnrolment(principal().userId) },
    'auth.confirmTotp': {
      handle: async ({ body, principal }) => {
        await auth.confirmTotpEnrolment(principal().userId, body.otp);
        return { ok: true };
      },
    },
    'auth.me': {
      handle: async ({ principal }) => {
        const user = await auth.getUser(principal().userId);
        if (!user) throw new HostProblemError({ status: 401, title: 'Authentication required' });
        return sessionUser(user);
      },
    },
    // Names only, for everyone signed in: the screens show people, not ids; e-mail and roles stay with admins.
    'auth.directory': {
      handle: async ({ principal }) => {
        const items = await users.listUsers(principal().orgId);
        return { items: items.map(({ id, displayName, active }) => ({ id, displayName, active })) };
      },
    },
  };
}
