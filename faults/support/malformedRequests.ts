/**
 * Malformed requests across every route of the reference server, generated with fast-check
 * from a fixed seed (the same 10,000 every run, so a failure reproduces). Each request is
 * wrong in one way a client or an attacker gets wrong: JSON syntax, JSON shape, field
 * values, content type, encoding, size, path parameters, query parameters, headers, method,
 * credentials. Some are valid by chance; that is fine, only the server's answer is judged.
 */
import { createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';

export interface MalformedRequest {
  /** What is wrong with it, for the report. */
  kind: string;
  method: string;
  /** Below the origin: `/api/v1/...` or `/healthz`. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

interface RouteShape {
  method: string;
  /** With `{id}`, `{attachmentId}` placeholders. */
  path: string;
  body: 'json' | 'binary' | 'none';
  ifMatch?: boolean;
  /** Routes whose valid use would end the session or lock users out of the run: sent unauthenticated. */
  unauthenticatedOnly?: boolean;
  /** Admin routes naming a user: only ids of nobody, so no demo user is deactivated by chance. */
  foreignIdsOnly?: boolean;
}

export interface GeneratorContext {
  /** Contract routes of the kit: `{ kind, method, path, requiresIfMatch, bodyKind }`. */
  kitRoutes: { kind: string; method: string; path: string; requiresIfMatch?: boolean; bodyKind?: string }[];
  /** Valid tokens of several roles; most requests use the first. */
  tokens: string[];
  /** The run's JWT secret (base64), to forge tokens that are well signed but wrong otherwise. */
  jwtSecret: string;
  /** Existing record and attachment ids, so malformed requests reach the deep handlers too. */
  recordIds: string[];
  attachmentIds: string[];
}

const API = '/api/v1';

/** The reference server's own routes, besides the kit's. */
const hostRoutes: RouteShape[] = [
  { method: 'POST', path: '/auth/login', body: 'json', unauthenticatedOnly: true },
  { method: 'POST', path: '/auth/refresh', body: 'json', unauthenticatedOnly: true },
  { method: 'POST', path: '/auth/password', body: 'json', unauthenticatedOnly: true },
  { method: 'POST', path: '/auth/logout', body: 'json', unauthenticatedOnly: true },
  { method: 'POST', path: '/auth/totp/confirm', body: 'json' },
  { method: 'GET', path: '/me', body: 'none' },
  { method: 'GET', path: '/users', body: 'none' },
  { method: 'POST', path: '/users', body: 'json' },
  { method: 'PATCH', path: '/users/{id}', body: 'json', foreignIdsOnly: true },
  { method: 'POST', path: '/users/{id}/password-reset', body: 'json', foreignIdsOnly: true },
  { method: 'GET', path: '/organizations', body: 'none' },
];

function routeShapes(context: GeneratorContext): RouteShape[] {
  const kit = context.kitRoutes
    .filter((route) => route.kind !== 'openapi')
    .map(
      (route): RouteShape => ({
        method: route.method,
        path: route.path,
        body: route.bodyKind === 'binary' ? 'binary' : route.method === 'GET' ? 'none' : 'json',
        ifMatch: route.requiresIfMatch,
        // Marking a notification read is harmless, but it is not what this test is about.
        foreignIdsOnly: route.kind === 'readNotification',
      }),
    );
  return [...kit, ...hostRoutes];
}

const base64url = (text: string | Buffer) => Buffer.from(text).toString('base64url');

/** Percent-encoding of the UTF-8 bytes (a lone surrogate becomes U+FFFD, as on the wire). */
const percentEncode = (text: string) =>
  Array.from(Buffer.from(text, 'utf8'), (byte) =>
    /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');

/** HS256 tokens signed with the real secret but wrong in one claim, and some not signed at all. */
function forgedTokens(secret: string): string[] {
  const key = Buffer.from(secret, 'base64');
  const sign = (header: object, payload: object) => {
    const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
    return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
  };
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'HS256', typ: 'at+jwt' };
  const claims = {
    sub: randomUUID(),
    sid: randomUUID(),
    iss: 'masetra-reference-server',
    aud: 'masetra-api',
    iat: now,
    exp: now + 600,
  };
  return [
    sign(header, { ...claims, exp: now - 60 }),
    sign(header, { ...claims, iss: 'someone-else' }),
    sign(header, claims),
    sign({ ...header, typ: 'JWT' }, claims),
    sign(header, { ...claims, sub: 42, sid: { $ne: null } }),
    `${base64url(JSON.stringify({ alg: 'none', typ: 'at+jwt' }))}.${base64url(JSON.stringify(claims))}.`,
    'not-a-jwt',
    'a.b.c',
    '.'.repeat(3000),
  ];
}

/** Strings that break naive handling: control characters, NUL, lone surrogates, huge, RTL, SQL. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'before\u0000after',
    '\ud800',
    '\udfff\ud800',
    "'; DROP TABLE deviations; --",
    '\u202e\u0007\u001b[31m',
    '%00',
    '../../etc/passwd',
    '{{7*7}}',
    'a'.repeat(20_001),
    '😀'.repeat(300),
  ),
);

/** JSON texts that are not JSON, or not the JSON the route wants. */
function jsonSyntax(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '',
      '{',
      '{"title":',
      '{"title": "a",}',
      "{'title': 'a'}",
      '[1, 2',
      'NaN',
      'undefined',
      '{"a":1}{"b":2}',
      '\ufeff{"title":"bom"}',
      `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
      `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
    ),
    fc.string({ maxLength: 200 }),
    fc.json().map((text) => text.slice(0, Math.max(1, Math.floor(text.length / 2)))),
  );
}

/** Bodies of the wrong shape: any JSON value, or a record with fields of the wrong type or length. */
function jsonShape(): fc.Arbitrary<string> {
  const fieldNames = fc.constantFrom(
    'title',
    'description',
    'severity',
    'occurredAt',
    'changes',
    'event',
    'reason',
    'signature',
    'body',
    'email',
    'password',
    'refreshToken',
    'otp',
    'roles',
    'auditId',
    'tasks',
    'hostRefs',
    'investigation',
    '__proto__',
    'constructor',
    'id',
    'version',
    'orgId',
  );
  const value = fc.oneof(
    hostileString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(1e308, -0, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER),
    fc.boolean(),
    fc.constant(null),
    fc.array(hostileString, { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 10 }), hostileString, { maxKeys: 5 }),
    fc.jsonValue({ maxDepth: 6 }),
  );
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((json) => JSON.stringify(json)),
    fc.dictionary(fieldNames, value, { minKeys: 1, maxKeys: 6 }).map((body) => JSON.stringify(body)),
    fc.record({ event: hostileString, reason: value, signature: value }).map((body) => JSON.stringify(body)),
    fc
      .record({ changes: fc.dictionary(fieldNames, value, { maxKeys: 4 }), reason: value })
      .map((body) => JSON.stringify(body)),
    // JSON escapes the server decodes itself: NUL and lone surrogates inside otherwise fine strings.
    fc.constantFrom(
      '{"title":"a\\u0000b","description":"x"}',
      '{"body":"\\u0000"}',
      '{"title":"\\ud800"}',
      '{"email":"a\\u0000@example.com","password":"x"}',
      '{"changes":{"description":"\\u0000"}}',
      '{"event":"SUBMIT","reason":"\\u0000"}',
    ),
  );
}

/** A body each JSON route accepts (or nearly), so that one bad field is the only thing wrong. */
function templateBody(route: RouteShape): Record<string, unknown> {
  if (route.path === '/auth/login') return { email: 'nobody@fault.example', password: 'Not-the-password-1' };
  if (route.path === '/auth/password')
    return {
      email: 'nobody@fault.example',
      currentPassword: 'Not-the-password-1',
      newPassword: 'Another-password-22',
    };
  if (route.path === '/auth/refresh' || route.path === '/auth/logout')
    return { refreshToken: 'x'.repeat(43) };
  if (route.path === '/auth/totp/confirm') return { otp: '123456' };
  if (route.path === '/users')
    return {
      email: 'new@fault.example',
      displayName: 'New',
      roles: ['viewer'],
      temporaryPassword: 'Temporary-pass-42',
    };
  if (route.path.endsWith('/password-reset')) return { temporaryPassword: 'Temporary-pass-42' };
  if (route.path.startsWith('/users/')) return { displayName: 'Renamed' };
  if (route.path.endsWith('/transitions'))
    return { event: 'SUBMIT', reason: 'Because', signature: { password: 'x', meaning: 'approval' } };
  if (route.path.endsWith('/comments')) return { body: 'A comment' };
  if (route.method === 'PATCH')
    return { changes: { title: 'Renamed', description: 'Changed' }, reason: 'Because' };
  const collection = route.path.split('/')[1];
  return structuredClone(createBodies[collection as keyof typeof createBodies] ?? createBodies.deviations);
}

/** Valid create bodies of each collection (a finding names an audit that exists nowhere). */
const createBodies = {
  deviations: {
    title: 'Fault test',
    description: 'Malformed on purpose',
    area: 'Line 1',
    severity: 'minor',
    occurredAt: '2026-01-15T08:30:00.000Z',
    hostRefs: [{ system: 'ERP', kind: 'batch', id: 'B-1' }],
  },
  capas: { title: 'Fault test', kind: 'corrective', description: 'Malformed on purpose' },
  documents: {
    title: 'Fault test',
    documentKind: 'sop',
    summary: 'S',
    content: 'C',
    reviewIntervalMonths: 24,
  },
  audits: {
    title: 'Fault test',
    scope: 'S',
    plannedStart: '2026-03-01',
    plannedEnd: '2026-03-02',
    auditKind: 'internal',
  },
  findings: {
    auditId: '01a20000-0000-7000-8000-000000000000',
    title: 'F',
    classification: 'minor',
    description: 'D',
  },
};

/** Sets `value` at a top-level or one-deep field of a copy of `body`. */
function withField(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let target = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[path.at(-1)!] = value;
  return copy;
}

/** Bytes that are not UTF-8. */
const invalidUtf8 = fc.constantFrom(
  Uint8Array.from([0xff, 0xfe, 0x7b, 0x7d]),
  Uint8Array.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]),
  Uint8Array.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  Uint8Array.from([0x00, 0x00, 0x00, 0x7b]),
);

/** Path parameters that are no id, or an id that is nobody's. */
function pathParam(context: GeneratorContext, foreignOnly: boolean): fc.Arbitrary<string> {
  const wellFormed = foreignOnly
    ? fc.uuid().map((id) => id)
    : fc.oneof(fc.constantFrom(...context.recordIds, ...context.attachmentIds), fc.uuid());
  return fc.oneof(
    { arbitrary: wellFormed, weight: 3 },
    {
      arbitrary: fc.oneof(
        fc.constantFrom(
          '%',
          '%ZZ',
          '%00',
          '%E0%A4%A',
          '..',
          '%2e%2e%2f',
          '0',
          '-1',
          'null',
          'a'.repeat(5000),
          '00000000-0000-0000-0000-000000000000',
          'ffffffff-ffff-ffff-ffff-ffffffffffffff',
          '%F0%9F%98%80',
        ),
        fc.string({ maxLength: 30 }).map(percentEncode),
      ),
      weight: 2,
    },
  );
}

/** Query strings with unknown parameters, wrong types, forged cursors, hostile search text. */
function queryString(): fc.Arbitrary<string> {
  const forgedCursor = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('abc', '!!!', 'e30', base64url('[]'), base64url('null'), 'a'.repeat(600)),
    fc
      .record({
        s: fc.constantFrom('-createdAt', 'createdAt', 'number', 'severity', 'title', 'x'),
        v: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.constant(1e21)),
        i: fc.oneof(fc.uuid(), fc.string({ maxLength: 10 })),
      })
      .map((position) => base64url(JSON.stringify(position))),
  );
  const parameter = fc.oneof(
    fc.tuple(
      fc.constant('limit'),
      fc.constantFrom('0', '-1', '201', '1001', '1e2', 'abc', '', '2.5', '99999999999'),
    ),
    fc.tuple(fc.constant('cursor'), forgedCursor),
    fc.tuple(
      fc.constant('sort'),
      fc.constantFrom('state', '-state', 'nope', '--createdAt', 'title;drop', 'createdAt,number', ''),
    ),
    fc.tuple(
      fc.constant('q'),
      hostileString.map((text) => text.slice(0, 300)),
    ),
    fc.tuple(fc.constantFrom('q'), fc.constantFrom('a & | !', '"unterminated', '-', 'or or or', ':*', '(((')),
    fc.tuple(fc.constantFrom('state', 'severity', 'area', 'ownerId', 'kind'), hostileString),
    fc.tuple(fc.constantFrom('from', 'to'), fc.constantFrom('yesterday', '2026-13-45T00:00:00Z', '0', '')),
    fc.tuple(fc.constantFrom('recordId', 'recordType', 'actorId', 'action'), hostileString),
    fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })),
  );
  // Bytes that are not UTF-8 once decoded.
  const rawPair = fc.constantFrom(
    'q=%FF',
    'q=%C0%AF',
    'state=%ED%A0%80',
    'limit=%00',
    '%FF=1',
    'q=%',
    'q=%%',
  );
  const encoded = parameter.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`);
  return fc
    .array(fc.oneof({ arbitrary: encoded, weight: 9 }, { arbitrary: rawPair, weight: 1 }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((pairs) => pairs.join('&'));
}

/** One header set to something wrong (printable ASCII only: that much HTTP itself demands). */
function hostileHeader(forged: string[]): fc.Arbitrary<{ name: string; value: string }> {
  const header = (name: string, value: fc.Arbitrary<string>) =>
    value.map((text) => ({ name, value: text.replace(/[^\t\x20-\x7e]/g, '?') }));
  return fc.oneof(
    header(
      'if-match',
      fc.constantFrom('', '*', 'W/"x"', '"-1"', '"99999999999"', '1,2', '"1" "2"', 'x'.repeat(7000)),
    ),
    header('idempotency-key', fc.oneof(fc.constant('k'.repeat(201)), fc.string({ maxLength: 50 }))),
    header(
      'authorization',
      fc.oneof(
        fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer  x', `Bearer ${'a'.repeat(7000)}`),
        fc.constantFrom(...forged).map((token) => `Bearer ${token}`),
      ),
    ),
    header('x-file-name', fc.constantFrom('%', '%ZZ', '', '%00%00', '..%2F..%2Fpasswd', 'a'.repeat(300))),
    header('x-masetra-source', fc.constantFrom('x'.repeat(5000), '<script>')),
    header(
      'content-type',
      fc.constantFrom('application/json; charset=latin1', 'application/problem+json', '*/*'),
    ),
  );
}

function fillPath(template: string, params: string[]): string {
  let index = 0;
  return template.replace(/\{\w+\}/g, () => params[index++ % params.length] ?? 'x');
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
