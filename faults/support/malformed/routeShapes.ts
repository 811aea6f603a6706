/** The routes malformed requests are aimed at, and the well-formed bodies and ids they start from. */
import fc from 'fast-check';
import { percentEncode } from './hostileValues';

export interface RouteShape {
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

export const API = '/api/v1';

/** The reference server's own routes, besides the kit's. */
const hostRoutes: RouteShape[] = [
  { method: 'POST', path: '/auth/login', body: 'json', unauthenticatedOnly: true },
  { method: 'POST', path: '/auth/refresh', body: 'json', unauthenticatedOnly: true },
  { method: 'POST', path: '/auth/password', body: 'json', unauthenticatedOnly: true },
  { method: 'POST', path: '/auth/setup', body: 'json', unauthenticatedOnly: true },
  { method: 'POST', path: '/auth/forgot-password', body: 'json', unauthenticatedOnly: true },
  { method: 'POST', path: '/auth/logout', body: 'json', unauthenticatedOnly: true },
  { method: 'POST', path: '/auth/totp/confirm', body: 'json' },
  { method: 'GET', path: '/me', body: 'none' },
  { method: 'GET', path: '/users', body: 'none' },
  { method: 'POST', path: '/users', body: 'json' },
  { method: 'PATCH', path: '/users/{id}', body: 'json', foreignIdsOnly: true },
  { method: 'POST', path: '/users/{id}/password-reset', body: 'json', foreignIdsOnly: true },
  { method: 'POST', path: '/users/{id}/authenticator-reset', body: 'json', foreignIdsOnly: true },
  { method: 'GET', path: '/organizations', body: 'none' },
];

export function routeShapes(context: GeneratorContext): RouteShape[] {
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

/** A body each JSON route accepts (or nearly), so that one bad field is the only thing wrong. */
export function templateBody(route: RouteShape): Record<string, unknown> {
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
  if (route.path === '/auth/setup') return { token: 'x'.repeat(43), newPassword: 'Another-password-22' };
  if (route.path === '/auth/forgot-password') return { email: 'nobody@fault.example' };
  if (route.path === '/users') return { email: 'new@fault.example', displayName: 'New', roles: ['viewer'] };
  if (route.path.endsWith('/password-reset')) return { reason: 'Forgot the password' };
  if (route.path.endsWith('/authenticator-reset')) return { reason: 'Phone lost' };
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
export function withField(
  body: Record<string, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  let target = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[path.at(-1)!] = value;
  return copy;
}

/** Path parameters that are no id, or an id that is nobody's. */
export function pathParam(context: GeneratorContext, foreignOnly: boolean): fc.Arbitrary<string> {
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

export function fillPath(template: string, params: string[]): string {
  let index = 0;
  return template.replace(/\{\w+\}/g, () => params[index++ % params.length] ?? 'x');
}
