/** Which routes answer without a token, over HTTP: exactly the contract's `public` ones. */
import type { RouteDefinition } from '@masetra/core';
import { authRoutes } from '@masetra/core/auth';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed/demoUsers';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import type { HostRouteHandlers } from './hostRoutes';

let server: RunningReferenceServer;
let everyRoute: RouteDefinition[];
beforeAll(async () => {
  server = await startReferenceServer();
  everyRoute = [...server.qms.contract.routes, ...Object.values(authRoutes)];
}, 120_000);
afterAll(() => server.close());

/** The route's path with each parameter filled by an id that names nothing. */
function pathOf(route: RouteDefinition): string {
  return route.path.replace(/\{\w+\}/g, '0196f1a4-0000-7000-8000-000000000000');
}

/** Calls a route as a client that sends no token (or the given header), with an empty JSON body where it takes one. */
async function call(route: RouteDefinition, authorization?: string): Promise<Response> {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const hasBody = route.method !== 'GET';
  if (hasBody) headers['content-type'] = 'application/json';
  return fetch(`${server.apiUrl}${pathOf(route)}`, {
    method: route.method,
    headers,
    body: hasBody ? '{}' : undefined,
  });
}

describe('authentication by the route’s public flag', () => {
  it('every route that is not public answers 401 without a token, and with a forged one', async () => {
    const signedIn = everyRoute.filter((route) => !route.public);
    expect(signedIn.length).toBeGreaterThan(70);
    for (const route of signedIn) {
      const bare = await call(route);
      expect(bare.status, `${route.method} ${route.path} (${route.id})`).toBe(401);
      expect(bare.headers.get('content-type'), route.id).toMatch(/^application\/problem\+json/);
      const forged = await call(route, 'Bearer not-a-token');
      expect(forged.status, `${route.id} with a forged token`).toBe(401);
    }
  });

  it('every public route answers without a token: the request is judged on its own content', async () => {
    const open = everyRoute.filter((route) => route.public);
    expect(open.map((route) => route.id).sort()).toEqual(
      [
        'auth.changePassword',
        'auth.forgotPassword',
        'auth.login',
        'auth.refresh',
        'auth.setUpAccount',
        'openapi',
        'sso.complete',
        'sso.start',
      ].sort(),
    );
    for (const route of open) {
      const response = await call(route);
      // An empty body is refused as invalid (422); the API description is simply served.
      expect(response.status, route.id).toBe(route.kind === 'openapi' ? 200 : 422);
    }
  });

  it('a public route takes its own credentials, and a wrong one is a 401 about them', async () => {
    const response = await fetch(`${server.apiUrl}${authRoutes.login.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'qa@acme.example', password: `${DEMO_PASSWORD}-wrong` }),
    });
    expect(response.status).toBe(401);
    const signedIn = await fetch(`${server.apiUrl}${authRoutes.login.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'qa@acme.example', password: DEMO_PASSWORD }),
    });
    expect(signedIn.status).toBe(200);
    const { accessToken } = await signedIn.json();
    const me = await call(authRoutes.me, `Bearer ${accessToken}`);
    expect(me.status).toBe(200);
  });

  it('the OpenAPI document lists no security exactly for the public routes', async () => {
    const document = await (await call(everyRoute.find((route) => route.kind === 'openapi')!)).json();
    for (const route of everyRoute) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.security, route.id).toEqual(route.public ? [] : undefined);
    }
  });

  it('a handler for every route of authRoutes is required, by route id', () => {
    expectTypeOf<keyof HostRouteHandlers>().toEqualTypeOf<
      (typeof authRoutes)[keyof typeof authRoutes]['id']
    >();
    expectTypeOf<Omit<HostRouteHandlers, 'auth.me'>>().not.toExtend<HostRouteHandlers>();
  });
});
