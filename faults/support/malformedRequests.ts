/**
 * Malformed requests across every route of the reference server, generated with fast-check
 * from a fixed seed (the same 10,000 every run, so a failure reproduces). Each request is
 * wrong in one way a client or an attacker gets wrong: JSON syntax, JSON shape, field
 * values, content type, encoding, size, path parameters, query parameters, headers, method,
 * credentials. Some are valid by chance; that is fine, only the server's answer is judged.
 */

import fc from 'fast-check';
import {
  forgedTokens,
  hostileHeader,
  hostileString,
  invalidUtf8,
  jsonShape,
  jsonSyntax,
  percentEncode,
  queryString,
} from './malformed/hostileValues';
import {
  API,
  fillPath,
  type GeneratorContext,
  pathParam,
  type RouteShape,
  routeShapes,
  templateBody,
  withField,
} from './malformed/routeShapes';

export type { GeneratorContext } from './malformed/routeShapes';

export interface MalformedRequest {
  /** What is wrong with it, for the report. */
  kind: string;
  method: string;
  /** Below the origin: `/api/v1/...` or `/healthz`. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** The generator: one arbitrary of a malformed request. */
export function malformedRequest(context: GeneratorContext): fc.Arbitrary<MalformedRequest> {
  const routes = routeShapes(context);
  const bodyRoutes = routes.filter((route) => route.body === 'json');
  const forged = forgedTokens(context.jwtSecret);
  const authorization = fc.oneof(
    { arbitrary: fc.constant(context.tokens[0]!), weight: 6 },
    { arbitrary: fc.constantFrom(...context.tokens), weight: 2 },
    { arbitrary: fc.constantFrom(...forged), weight: 1 },
  );

  const base = (route: RouteShape) =>
    fc
      .record({
        params: fc.array(pathParam(context, !!route.foreignIdsOnly), { minLength: 2, maxLength: 2 }),
        token: authorization,
      })
      .map(({ params, token }) => ({
        path: `${API}${fillPath(route.path, params)}`,
        headers: route.unauthenticatedOnly
          ? {}
          : ({ authorization: `Bearer ${token}` } as Record<string, string>),
        ifMatch: (route.ifMatch ? { 'if-match': '"1"' } : {}) as Record<string, string>,
      }));

  const withBody = (
    kind: string,
    body: fc.Arbitrary<string | Uint8Array>,
    contentType = 'application/json',
  ) =>
    fc.constantFrom(...bodyRoutes).chain((route) =>
      fc
        .record({ route: fc.constant(route), request: base(route), body })
        .map(({ route, request, body }) => ({
          kind,
          method: route.method,
          path: request.path,
          headers: { ...request.headers, ...request.ifMatch, 'content-type': contentType },
          body,
        })),
    );

  const anyRoute = fc.constantFrom(...routes);
  // A well-formed body with one field made hostile: the values that get furthest in.
  const fieldValue = fc
    .constantFrom(...bodyRoutes)
    .chain((route) => {
      const body = templateBody(route);
      const paths = Object.entries(body).flatMap(([key, value]) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.keys(value).map((inner) => [key, inner])
          : [[key]],
      );
      return fc.record({
        route: fc.constant(route),
        request: base(route),
        path: fc.constantFrom(...paths),
        value: fc.oneof(
          hostileString,
          fc.integer(),
          fc.constant(null),
          fc.array(hostileString, { maxLength: 3 }),
        ),
      });
    })
    .map(({ route, request, path, value }) => ({
      kind: 'field value',
      method: route.method,
      path: request.path,
      headers: { ...request.headers, ...request.ifMatch, 'content-type': 'application/json' },
      body: JSON.stringify(withField(templateBody(route), path, value)),
    }));
  return fc.oneof(
    { arbitrary: withBody('json syntax', jsonSyntax()), weight: 60 },
    { arbitrary: withBody('json shape', jsonShape()), weight: 60 },
    { arbitrary: fieldValue, weight: 80 },
    { arbitrary: withBody('not utf-8', invalidUtf8), weight: 20 },
    {
      arbitrary: fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          '',
          'application/json; charset=utf-16',
          'application/jsonx',
        )
        .chain((contentType) => withBody('content type', fc.constant('{"title":"x"}'), contentType)),
      weight: 20,
    },
    {
      // Over the 1 MiB body limit.
      arbitrary: withBody('oversized', fc.constant(`{"title":"${'x'.repeat(1_100_000)}"}`)),
      weight: 1,
    },
    {
      arbitrary: anyRoute.chain((route) =>
        fc.record({ request: base(route), query: queryString() }).map(({ request, query }) => ({
          kind: 'query',
          method: route.method,
          path: `${request.path}?${query}`,
          headers: { ...request.headers, ...request.ifMatch },
          ...(route.body === 'json' ? { body: '{}' } : {}),
        })),
      ),
      weight: 80,
    },
    {
      arbitrary: anyRoute.chain((route) =>
        fc.record({ request: base(route), header: hostileHeader(forged) }).map(({ request, header }) => {
          const headers: Record<string, string> = { ...request.headers, ...request.ifMatch };
          let body: string | undefined;
          if (route.body === 'json') {
            headers['content-type'] = 'application/json';
            body = '{"event":"SUBMIT","changes":{}}';
          } else if (route.body === 'binary') {
            headers['content-type'] = 'text/plain';
            headers['x-file-name'] = 'evidence.txt';
            body = 'attachment bytes';
          }
          headers[header.name] = header.value;
          return { kind: `header ${header.name}`, method: route.method, path: request.path, headers, body };
        }),
      ),
      weight: 60,
    },
    {
      arbitrary: anyRoute.chain((route) =>
        fc
          .record({
            request: base(route),
            method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'POST', 'GET', 'OPTIONS'),
          })
          .map(({ request, method }) => ({
            kind: 'method',
            method,
            path: request.path,
            headers: request.headers,
            ...(method === 'GET' || method === 'OPTIONS' ? {} : { body: '{}' }),
          })),
      ),
      weight: 20,
    },
    {
      // Binary uploads: wrong type, content that lies about its type, no file name.
      arbitrary: fc.constantFrom(...routes.filter((route) => route.body === 'binary')).chain((route) =>
        fc
          .record({
            request: base(route),
            contentType: fc.constantFrom(
              'application/pdf',
              'image/png',
              'text/html',
              'application/octet-stream',
              'text/plain',
            ),
            body: fc.oneof(fc.constantFrom('', '%PD', 'not a pdf at all'), fc.uint8Array({ maxLength: 64 })),
            fileName: fc.constantFrom('', 'a.pdf', '%E0%A4%A', '\u0000.txt'),
          })
          .map(({ request, contentType, body, fileName }) => ({
            kind: 'upload',
            method: route.method,
            path: request.path,
            headers: {
              ...request.headers,
              'content-type': contentType,
              'x-file-name': percentEncode(fileName),
            },
            body,
          })),
      ),
      weight: 20,
    },
    {
      // Paths that match no route, or only nearly.
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            '/api/v1',
            '/api/v1/',
            '/api/v1/deviations/',
            '/api/v1/deviations//transitions',
            '/api/v1/%',
            '/api/v1/deviations/%c0%ae%c0%ae',
            '/api/v2/deviations',
            '/api/v1/DEVIATIONS',
            '/api/v1/deviations;x',
            `/api/v1/${'x/'.repeat(2000)}`,
          ),
          fc.webPath().map((path) => `${API}${path}`),
        )
        .chain((path) =>
          fc
            .record({ token: authorization, method: fc.constantFrom('GET', 'POST') })
            .map(({ token, method }) => ({
              kind: 'path',
              method,
              path,
              headers: { authorization: `Bearer ${token}` },
            })),
        ),
      weight: 20,
    },
  );
}

/** `count` malformed requests, the same ones for the same seed. */
export function malformedRequests(
  context: GeneratorContext,
  count: number,
  seed: number,
): MalformedRequest[] {
  return fc.sample(malformedRequest(context), { numRuns: count, seed });
}
