/**
 * Malformed requests on every route of the contract: never a 5xx, always problem+json, and
 * nothing stored. Each generated request carries a fault that must make it fail; the rest of
 * it is random noise (headers, query strings, users) or valid, to reach deep into the handlers.
 */
import type { RouteDefinition } from '@masetra/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation } from './testing/recordSteps';
import {
  kitStartTimeout,
  type StoredCounts,
  startTestKit,
  type TestKit,
  type TestUser,
} from './testing/startTestKit';

let kit: TestKit;
/** The id every `{id}` of a collection is replaced with, and the one attachment's id. */
const ids: Record<string, string> = {};
let baseline: StoredCounts;

beforeAll(async () => {
  kit = await startTestKit();
  ids.deviations = (await createRecord(kit, 'olivia', 'deviations', describedDeviation())).id;
  ids.capas = (await createRecord(kit, 'olivia', 'capas', { title: 'CAPA under fuzz' })).id;
  ids.documents = (
    await createRecord(kit, 'olivia', 'documents', { title: 'SOP under fuzz', documentKind: 'sop' })
  ).id;
  ids.audits = (await createRecord(kit, 'aaron', 'audits', { title: 'Audit under fuzz' })).id;
  ids.findings = (
    await createRecord(kit, 'aaron', 'findings', { title: 'Finding under fuzz', auditId: ids.audits })
  ).id;
  const attachment = await kit.as('olivia')(`/deviations/${ids.deviations}/attachments`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-file-name': 'a.txt' },
    body: 'evidence',
  });
  ids.attachment = attachment.json.id;
  await kit.as('olivia')(`/deviations/${ids.deviations}/comments`, {
    method: 'POST',
    body: { body: 'A remark.' },
  });
  baseline = await kit.counts();
}, kitStartTimeout);
afterAll(() => kit.close());

const methods = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS', 'HEAD'] as const;
const users: TestUser[] = ['olivia', 'quinn', 'ian', 'aaron', 'victor', 'greta'];

/** Text meant to hurt: NUL, lone surrogates, escapes, injections, any code point. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\ud800',
    'a\udc00b',
    '%00',
    "'; DROP TABLE deviations; --",
    '\\u0000',
    '../../etc/passwd',
    '{{7*7}}',
    '',
  ),
);

/** A URL carries UTF-8, which has no lone surrogates: they become U+FFFD, as a browser would send them. */
const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** A JSON value of any shape. */
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    nastyText,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A record field given a value of the wrong type (checked below against the contract). */
const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { minKeys: 1, maxKeys: 2 }),
  nastyText,
  fc.constant('x'.repeat(600_000)),
);

/** What the route's path looks like with real ids in it. */
function concretePath(route: RouteDefinition, junkId?: string): string {
  const collection = route.path.split('/')[1] as string;
  return route.path
    .replace('{attachmentId}', junkId ?? ids.attachment ?? '')
    .replace('{id}', junkId ?? ids[collection] ?? '01960000-0000-7000-8000-0000000000ff');
}

/** A body that the route's JSON schema refuses: wrong types, wrong shapes, or no JSON at all. */
function badBody(route: RouteDefinition): fc.Arbitrary<string> {
  const schema = route.body;
  const fieldNames = route.recordType
    ? Object.keys(kit.qms.registry.byName(route.recordType)?.fields ?? {}).concat([
        'state',
        'version',
        'id',
        'colour',
      ])
    : ['body', 'colour'];
  const wrapped = (fields: Record<string, unknown>): unknown =>
    route.kind === 'update'
      ? { changes: fields, reason: 'fuzz' }
      : route.kind === 'transition'
        ? { event: 'SUBMIT', ...fields }
        : fields;
  const wrongField = fc
    .tuple(fc.constantFrom(...fieldNames), wrongValue)
    .map(([field, value]) =>
      wrapped({ ...(route.kind === 'create' ? { title: 'Fuzz' } : {}), [field]: value }),
    );
  const wrongEvent = fc.record({
    event: nastyText,
    reason: fc.option(anyJson),
    signature: fc.option(anyJson),
  });
  const json = fc
    .oneof(wrongField, anyJson, route.kind === 'transition' ? wrongEvent : anyJson)
    // What the server parses is the JSON text, so that is what must fail the schema.
    .map((value) => JSON.stringify(value) ?? 'null')
    .filter((text) => !schema?.safeParse(JSON.parse(text)).success);
  const notJson = fc.string({ unit: 'binary', maxLength: 60 }).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });
  const oversized = fc.constant(JSON.stringify({ title: 'x'.repeat(70 * 1024) }));
  return fc.oneof(
    { weight: 5, arbitrary: json },
    { weight: 2, arbitrary: notJson },
    { weight: 1, arbitrary: oversized },
  );
}

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  fault: string;
  /** A read with hostile parameter values: it may be answered 200, but never 5xx, and it writes nothing. */
  mayPass?: boolean;
}

/** A header value fetch will send: printable ASCII, no surrounding space. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, '').trim();

/** An If-Match that names no version at all (stale versions are generated apart). */
const garbageIfMatch = fc
  .oneof(nastyText, fc.constantFrom('*', '"1", "2"', 'W/', '"-1"', '"1e3"', '99999999999'))
  .map(headerSafe)
  .filter((value) => !/^\s*(?:W\/)?"?\d{1,10}"?\s*$/.test(value));
const notJsonContentType = fc
  .oneof(
    fc.constantFrom(
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      'json',
      '',
    ),
    fc.string({ maxLength: 30 }),
  )
  .map(headerSafe)
  .filter((type) => !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type));
/** A query string the route's schema refuses (routes without one ignore or refuse any). */
const badQuery = fc.oneof(
  fc.constantFrom(
    'limit=0',
    'limit=-1',
    'limit=1.5',
    'limit=abc',
    'limit=100000',
    'sort=nope',
    'cursor=%00',
    'q=%00',
  ),
  fc
    .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 })
    .map((key) => `zz${encodeURIComponent(key)}=1`),
);
const noiseQuery = fc.option(
  fc.oneof(
    badQuery,
    fc.string({ maxLength: 20 }).map((text) => `q=${encodeURIComponent(text)}`),
  ),
  { nil: undefined },
);

/** A request that must fail on this route, by one of the faults that apply to it. */
function failingRequest(route: RouteDefinition): fc.Arbitrary<FuzzRequest> {
  const templateMethods = kit.qms.contract.routes
    .filter((other) => other.path === route.path)
    .map((other) => other.method);
  const jsonBody = !!route.body && route.bodyKind !== 'binary';
  const base = fc.record({
    user: fc.constantFrom(...users),
    ifMatch: fc.oneof({ weight: 3, arbitrary: fc.constant('"1"') }, { weight: 1, arbitrary: garbageIfMatch }),
    contentType: fc.oneof(
      { weight: 3, arbitrary: fc.constant('application/json') },
      { weight: 1, arbitrary: notJsonContentType },
    ),
    query: noiseQuery,
    idempotencyKey: fc.option(fc.string({ minLength: 1, maxLength: 250 }), { nil: undefined }),
  });
  const request = (
    fault: string,
    parts: {
      method?: string;
      path?: string;
      body?: string;
      headers?: Record<string, string>;
      query?: string;
    },
  ) =>
    base.map((noise): FuzzRequest => {
      const query = parts.query ?? noise.query;
      const headers: Record<string, string> = {
        authorization: `Test ${noise.user}`,
        'content-type': noise.contentType,
        'if-match': noise.ifMatch,
        ...(noise.idempotencyKey ? { 'idempotency-key': headerSafe(noise.idempotencyKey) || 'k' } : {}),
        ...parts.headers,
      };
      const method = parts.method ?? route.method;
      return {
        fault,
        method,
        path: `${parts.path ?? concretePath(route)}${query ? `?${query}` : ''}`,
        headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : parts.body,
      };
    });

  const faults: fc.Arbitrary<FuzzRequest>[] = [];
  const otherMethods = methods.filter((method) => !(templateMethods as string[]).includes(method));
  faults.push(fc.constantFrom(...otherMethods).chain((method) => request('method', { method, body: '{}' })));
  if (route.kind !== 'openapi') {
    faults.push(
      fc
        .constantFrom('', 'Test mallory', 'Bearer abc', 'Test', 'Basic b2xpdmlhOg==')
        .chain((authorization) => request('auth', { headers: { authorization }, body: '{}' })),
    );
  }
  if (route.path.includes('{')) {
    const junkId = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 40 })
      .filter((id) => id !== '.' && id !== '..' && !/^[0-9a-f-]{36}$/i.test(id))
      .map((id) => encodeURIComponent(id));
    faults.push(junkId.chain((id) => request('path-id', { path: concretePath(route, id), body: '{}' })));
  }
  if (route.query) faults.push(badQuery.chain((query) => request('query', { query })));
  if (jsonBody) {
    faults.push(badBody(route).chain((body) => request('body', { body })));
    faults.push(
      notJsonContentType.chain((type) =>
        request('content-type', {
          headers: { 'content-type': type },
          body: JSON.stringify({ title: 'Fuzz' }),
        }),
      ),
    );
  }
  if (route.requiresIfMatch) {
    faults.push(
      fc
        .oneof(
          garbageIfMatch,
          fc.integer({ min: 2, max: 1_000_000 }).map((version) => `"${version}"`),
        )
        .chain((ifMatch) =>
          request('if-match', { headers: { 'if-match': ifMatch }, body: '{"changes":{}}' }),
        ),
    );
  }
  if (route.kind === 'uploadAttachment') {
    faults.push(
      fc
        .oneof(
          fc.record({
            'content-type': fc.constantFrom('text/html', 'application/x-msdownload', ''),
            'x-file-name': fc.constant('a.txt'),
          }),
          fc.record({
            'content-type': fc.constant('application/pdf'),
            'x-file-name': fc.constant('fake.pdf'),
          }),
          fc.record({
            'content-type': fc.constant('image/png'),
            'x-file-name': fc.constantFrom('', '%', '%2F%00'),
          }),
        )
        .chain((headers) => request('upload', { headers, body: 'MZ this is not a pdf nor a png' })),
    );
  }
  if (route.method === 'GET' && route.query) {
    const names = Object.keys(
      (route.query as unknown as { _zod: { def: { shape: object } } })._zod.def.shape,
    );
    const hostileQuery = fc
      .array(fc.tuple(fc.constantFrom(...names), nastyText), { minLength: 1, maxLength: 3 })
      .map((pairs) =>
        pairs.map(([name, value]) => `${name}=${encodeURIComponent(wellFormed(value))}`).join('&'),
      );
    faults.push(
      hostileQuery.chain((query) =>
        request('hostile-read', { query, headers: { authorization: 'Test quinn' } }).map((read) => ({
          ...read,
          mayPass: true,
        })),
      ),
    );
  }
  if (route.kind === 'readNotification') {
    // No notification exists, so marking any one read fails.
    faults.push(request('no-notification', { body: '' }));
  }
  return fc.oneof(...faults);
}

/** Reads that hand out a copy: each that passes is itself a trail entry (who exported what). */
const exportKinds: ReadonlySet<string> = new Set([
  'recordExportCsv',
  'recordExportXlsx',
  'auditTrailExport',
  'auditTrailExportXlsx',
  'recordDossierPdf',
  'auditTrailPdf',
  'managementReviewPdf',
]);

describe('malformed requests on every route', () => {
  const routes = () => kit.qms.contract.routes;

  it('never answer 5xx, answer every refusal with problem+json, and never store anything', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...routes())
          .chain((route) => failingRequest(route).map((request) => ({ route, request }))),
        async ({ route, request }) => {
          seen.set(route.id, (seen.get(route.id) ?? 0) + 1);
          const response = await kit.fetch(request.path, {
            method: request.method,
            headers: request.headers,
            body: request.body,
          });
          const text = await response.text();
          const context = `${request.fault}: ${request.method} ${request.path} → ${response.status} ${text.slice(0, 300)}`;
          expect(response.status, context).toBeLessThan(500);
          if (request.mayPass && response.status < 400 && exportKinds.has(route.kind))
            baseline = { ...baseline, auditEntries: baseline.auditEntries + 1 };
          expect(await kit.counts(), context).toEqual(baseline);
          if (request.mayPass && response.status < 400) return;
          expect(response.status, context).toBeGreaterThanOrEqual(400);
          expect(response.headers.get('content-type'), context).toBe('application/problem+json');
          if (request.method !== 'HEAD') {
            const problem = JSON.parse(text);
            expect(problem, context).toMatchObject({
              status: response.status,
              type: expect.any(String),
              title: expect.any(String),
            });
          }
        },
      ),
      { numRuns: 300, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    // Every route took some of the runs.
    expect(seen.size).toBeGreaterThan(routes().length * 0.8);
  });
});
