/**
 * MSW request handlers for the whole Masetra API, generated from the contract of
 * `@masetra/core`: one handler per route of `buildContract(registry).routes` (and the
 * reference server's `authRoutes`), each answered by the fixture server of `@masetra/fixtures`,
 * which validates with the same schemas and decides lifecycle moves with the same functions
 * of core as the real server.
 * Works in the browser (`setupWorker`) and in Node (`setupServer`).
 */
import {
  buildContract,
  builtInRegistry,
  PROBLEM_CONTENT_TYPE,
  problemTypes,
  type RecordTypeRegistry,
  type RouteDefinition,
} from '@masetra/core';
import { authRoutes, type Tokens } from '@masetra/core/auth';
import { type FakeQmsServer, FIXTURE_PASSWORD, type FixtureUser, fixtureUsers } from '@masetra/fixtures';
import { type HttpHandler, http } from 'msw';

export interface ContractHandlerOptions {
  /** Where the API is mounted; matched under any origin. Default `/api/v1`. */
  basePath?: string;
  registry?: RecordTypeRegistry;
}

const methods = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
} as const;

/** `/deviations/{id}/transitions` as an MSW path under any origin: `*\/api/v1/deviations/:id/transitions`. */
export function mswPathOf(route: Pick<RouteDefinition, 'path'>, basePath = '/api/v1'): string {
  return `*${basePath}${route.path.replace(/\{(\w+)\}/g, ':$1')}`;
}

function problemResponse(status: 401 | 404, title: string, extra: Record<string, unknown> = {}): Response {
  const type = status === 401 ? problemTypes.unauthenticated : problemTypes.notFound;
  return new Response(JSON.stringify({ type, title, status, ...extra }), {
    status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE },
  });
}

function tokensFor(user: FixtureUser): Tokens {
  return {
    accessToken: `fixture-access.${user.id}`,
    refreshToken: `fixture-refresh.${user.id}`,
    user: {
      id: user.id,
      orgId: 'org-acme',
      orgName: 'Acme Pharma',
      email: user.email,
      displayName: user.displayName,
      roles: [...user.roles],
      mfaEnrolled: user.mfaEnrolled,
      mustChangePassword: false,
    },
  };
}

/**
 * The reference server's own routes (sign-in, users) that the fixture server does not know,
 * answered from the fixture users: every one signs in with `FIXTURE_PASSWORD`.
 */
function hostRouteAnswer(
  route: RouteDefinition,
  server: FakeQmsServer,
): ((request: Request) => Promise<Response>) | undefined {
  const users = Object.values(fixtureUsers) as FixtureUser[];
  const json = (body: unknown) => Response.json(body);
  switch (route.id) {
    case authRoutes.login.id:
      return async (request) => {
        const { email, password } = (await request.json()) as { email?: string; password?: string };
        const user = users.find((candidate) => candidate.email === email?.trim().toLowerCase());
        if (!user || password !== FIXTURE_PASSWORD) {
          return problemResponse(401, 'Sign-in failed', {
            code: 'invalid_credentials',
            detail: 'The e-mail or password is not correct.',
          });
        }
        server.actAs(user.id);
        return json(tokensFor(user));
      };
    case authRoutes.refresh.id:
      return async (request) => {
        const { refreshToken } = (await request.json()) as { refreshToken?: string };
        const user = users.find((candidate) => refreshToken === `fixture-refresh.${candidate.id}`);
        return user
          ? json(tokensFor(user))
          : problemResponse(401, 'Session ended', { code: 'invalid_refresh_token' });
      };
    case authRoutes.logout.id:
      return async () => json({ ok: true });
    case authRoutes.listUsers.id:
      return async () =>
        json({
          items: users.map((user) => ({
            id: user.id,
            orgId: 'org-acme',
            email: user.email,
            displayName: user.displayName,
            roles: [...user.roles],
            active: true,
            createdAt: '2026-01-05T09:00:00.000Z',
          })),
        });
    case authRoutes.listOrganizations.id:
      return async () =>
        json({ items: [{ id: 'org-acme', name: 'Acme Pharma', createdAt: '2026-01-05T09:00:00.000Z' }] });
    default:
      return undefined;
  }
}

/**
 * One MSW handler per route of the contract, each handing the request to `server()` (read at
 * request time, so a story can swap in a fresh fixture server before it renders).
 *
 * @example
 * const worker = setupWorker(...contractHandlers(() => fixtureServer));
 */
export function contractHandlers(
  server: () => FakeQmsServer,
  options: ContractHandlerOptions = {},
): HttpHandler[] {
  const basePath = options.basePath ?? '/api/v1';
  const contract = buildContract(options.registry ?? builtInRegistry);
  const kitHandlers = contract.routes.map((route) =>
    methods[route.method](mswPathOf(route, basePath), ({ request }) => server().handle(request)),
  );
  const hostHandlers = Object.values(authRoutes).map((route: RouteDefinition) =>
    methods[route.method](mswPathOf(route, basePath), ({ request }) => {
      // `/me` the fixture server answers itself, as the signed-in fixture user.
      const answer = hostRouteAnswer(route, server());
      return answer
        ? answer(request)
        : route.id === authRoutes.me.id
          ? server().handle(request)
          : problemResponse(404, 'Not available in the catalog', {
              detail: `${route.id} needs the reference server.`,
            });
    }),
  );
  return [...kitHandlers, ...hostHandlers];
}
