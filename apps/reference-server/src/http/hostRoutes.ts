// The reference server's own routes, mounted from core's `authRoutes` by route id, as the kit mounts its own.
import type { RouteDefinition } from '@masetra/core';
import { authRoutes } from '@masetra/core/auth';
import express, { type Request, type RequestHandler, Router } from 'express';
import type * as z from 'zod/mini';
import type { AuthPrincipal, AuthService } from '../auth';
import { requireUser } from './authenticateBearer';
import { HostProblemError } from './sendProblem';
import { validateBody } from './validateBody';

/** One of the reference server's own routes, as core's contract defines it. */
export type HostRoute = (typeof authRoutes)[keyof typeof authRoutes];
export type HostRouteId = HostRoute['id'];

/** What a host route's handler is given: the request's parts, validated by the contract, and who asks. */
export interface HostCall<R extends RouteDefinition> {
  body: z.output<NonNullable<R['body']>>;
  params: z.output<NonNullable<R['params']>>;
  /** The signed-in caller. A public route has none: asking for one there answers 401. */
  principal(): AuthPrincipal;
  /** The Express request, for what the contract does not carry (the client's address and user agent). */
  request: Request;
}

export interface HostRouteHandler<R extends RouteDefinition> {
  /** Middleware run after authentication and before the body is read: a rate limit, a role check. */
  guards?: readonly RequestHandler[];
  /** The route's success body, sent with its `successStatus`; refusals are thrown `HostProblemError`s. */
  handle(call: HostCall<R>): Promise<z.input<R['response']>>;
}

/** A handler for each of `authRoutes`, by route id: a route left without one fails the typecheck. */
export type HostRouteHandlers = { [R in HostRoute as R['id']]: HostRouteHandler<R> };

/** Only on these routes: the kit mounted beside them reads its own bodies. */
const jsonBody = express.json({ limit: '16kb', type: () => true });

const unauthenticated = () => new HostProblemError({ status: 401, title: 'Authentication required' });

/** `/users/{id}` as Express writes it: `/users/:id`. */
function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** A path parameter the route does not accept names nothing: a 404, as the kit answers. */
function parseParams(route: RouteDefinition, params: Request['params']): unknown {
  if (!route.params) return {};
  const result = route.params.safeParse(params);
  if (!result.success) throw new HostProblemError({ status: 404, title: 'Not found' });
  return result.data;
}

/**
 * Every route of `authRoutes` under its contract path and method. A route that is not
 * `public` needs a valid access token (401 without one) before its guards run or its body is read.
 */
export function hostRouter(auth: AuthService, handlers: HostRouteHandlers): Router {
  const router = Router();
  const signedIn = requireUser(auth);
  for (const route of Object.values(authRoutes) as HostRoute[]) {
    // The map is typed route by route; here every handler is called alike.
    const handler = handlers[route.id] as HostRouteHandler<RouteDefinition>;
    const method = route.method.toLowerCase() as Lowercase<RouteDefinition['method']>;
    router[method](
      expressPath(route.path),
      ...(route.public ? [] : [signedIn]),
      ...(handler.guards ?? []),
      ...(route.body ? [jsonBody] : []),
      async (req, res) => {
        const call: HostCall<RouteDefinition> = {
          params: parseParams(route, req.params),
          body: validateBody(route, req.body),
          principal: () => {
            if (!req.principal) throw unauthenticated();
            return req.principal;
          },
          request: req,
        };
        res.status(route.successStatus).json(await handler.handle(call));
      },
    );
  }
  return router;
}
