import type { SessionUser } from '@masetra/core/auth';
import type { AuthService, AuthUser, LoginResult } from '../auth';
import type { UserAdministration } from '../users/createUserAdministration';
import type { UserDirectory } from '../users/userDirectory';
import { requestSource } from '../users/userTrail';
import { sessionClientOf } from './accountHandlers';
import type { HostRouteHandlers, HostRouteId } from './hostRoutes';
import { clientAddress, type RateLimits } from './rateLimits';
import { HostProblemError } from './sendProblem';

export interface AuthHandlersOptions {
  auth: AuthService;
  users: UserDirectory;
  administration: UserAdministration;
  /** The per-address limits of the sign-in routes (in Redis when configured): `createRateLimits`. */
  rateLimits: RateLimits;
  /**
   * Takes work the answer must not wait for (a forgotten-password link), so the answer takes
   * the same time whether or not the address is known; the server awaits it before it stops.
   */
  inBackground?: (work: Promise<void>) => void;
}

/** The sign-in and session routes: `auth.*` of `authRoutes`. */
export type AuthRouteHandlers = Pick<
  HostRouteHandlers,
  Exclude<Extract<HostRouteId, `auth.${string}`>, 'auth.beginTotp' | 'auth.confirmTotp'>
>;

/**
 * The reference server's own sign-in: one host of the server kit among many. Shapes come
 * from core's `authRoutes`, so the client and the OpenAPI document agree with them.
 */
export function authHandlers({
  auth,
  users,
  administration,
  rateLimits,
  // Without a tracker the work still runs; its failure is the server's to log, not the caller's to hear.
  inBackground = (work) => void work.catch(() => {}),
}: AuthHandlersOptions): AuthRouteHandlers {
  const sessionUser = async (user: AuthUser): Promise<SessionUser> => {
    const organization = await users.organization(user.orgId);
    return { ...user, orgName: organization?.name };
  };
  const tokens = async (result: LoginResult) => ({ ...result, user: await sessionUser(result.user) });

  // Brute force is slowed per address here; per account and address, backoff stops it (PART11 24).
  const limited = [rateLimits.signIn];

  return {
    'auth.login': {
      guards: limited,
      handle: async ({ body, request }) =>
        tokens(
          await auth.login({ ...body, source: clientAddress(request), client: sessionClientOf(request) }),
        ),
    },
    'auth.refresh': { handle: async ({ body }) => tokens(await auth.refresh(body.refreshToken)) },
    'auth.changePassword': {
      guards: limited,
      handle: async ({ body, request }) =>
        tokens(
          await auth.changePasswordWithCurrent({
            ...body,
            source: clientAddress(request),
            client: sessionClientOf(request),
          }),
        ),
    },
    // The set-up link's token is the credential; the limiter slows guessing it.
    'auth.setUpAccount': {
      guards: limited,
      handle: async ({ body, request }) =>
        tokens(
          await auth.setUpAccount(
            { ...body, client: sessionClientOf(request) },
            administration.accountSetUpEntry(requestSource(request)),
          ),
        ),
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
