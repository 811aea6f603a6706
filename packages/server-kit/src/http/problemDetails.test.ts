/** Every refusal is RFC 9457 problem+json with the status that says what went wrong. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, describedDeviation } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
let deviationId: string;
beforeAll(async () => {
  kit = await startTestKit();
  deviationId = (await createRecord(kit, 'olivia', 'deviations', describedDeviation())).id;
}, kitStartTimeout);
afterAll(() => kit.close());

const jsonLimit = 64 * 1024;

/** A body sent in chunks with no Content-Length, as a client streaming it would. */
function chunked(bytes: Uint8Array, chunkSize = 8 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

interface BadRequest {
  name: string;
  method?: string;
  path?: () => string;
  headers?: Record<string, string>;
  body?: BodyInit | (() => BodyInit);
  /** Leave out the test user's Authorization. */
  anonymous?: boolean;
  /** The test user to send as; Olivia when left out. */
  user?: string;
  status: number;
  code?: string;
  /** Pointers the problem's `errors[]` must name. */
  pointers?: string[];
  header?: [name: string, value: string | RegExp];
}

const json = { 'content-type': 'application/json' };
const create = { method: 'POST', path: () => '/deviations', headers: json };
const patch = () => ({
  method: 'PATCH',
  path: () => `/deviations/${deviationId}`,
  headers: { ...json, 'if-match': '"1"' },
});

const cases: BadRequest[] = [
  { name: 'malformed JSON', ...create, body: '{"title": "unfinished', status: 400 },
  {
    name: 'a body that is not UTF-8',
    ...create,
    body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    status: 400,
  },
  { name: 'an empty body', ...create, body: '', status: 400 },
  {
    name: 'a JSON body sent as text/plain',
    ...create,
    headers: { 'content-type': 'text/plain' },
    body: '{"title":"x"}',
    status: 415,
  },
  {
    name: 'a JSON body with no Content-Type',
    ...create,
    headers: {},
    body: new Uint8Array([0x7b, 0x7d]),
    status: 415,
  },
  {
    name: 'a body over the limit, with Content-Length',
    ...create,
    body: JSON.stringify({ title: 'x'.repeat(jsonLimit) }),
    status: 413,
  },
  {
    name: 'a body over the limit, chunked without Content-Length',
    ...create,
    body: () => chunked(new TextEncoder().encode(JSON.stringify({ title: 'x'.repeat(4 * jsonLimit) }))),
    status: 413,
  },
  {
    name: 'an unknown field',
    ...create,
    body: JSON.stringify({ title: 'x', colour: 'red' }),
    status: 422,
    pointers: ['/colour'],
  },
  {
    name: 'an unknown field in a change',
    ...patch(),
    body: JSON.stringify({ changes: { colour: 'red' } }),
    status: 422,
    pointers: ['/changes/colour'],
  },
  ...['state', 'version', 'id', 'orgId', 'number', 'createdAt'].map((field) => ({
    name: `the server-owned field ${field} in a create`,
    ...create,
    body: JSON.stringify({ title: 'x', [field]: field === 'version' ? 7 : 'closed' }),
    status: 422,
    pointers: [`/${field}`],
  })),
  {
    name: 'a field of the wrong type',
    ...create,
    body: JSON.stringify({ title: 'x', severity: 'catastrophic', occurredAt: 'yesterday' }),
    status: 422,
    pointers: ['/severity', '/occurredAt'],
  },
  { name: 'a JSON array for a body', ...create, body: '[]', status: 422 },
  {
    name: 'text holding a NUL character',
    ...create,
    body: JSON.stringify({ title: 'a\u0000b' }),
    status: 422,
    pointers: ['/title'],
  },
  {
    name: 'text holding an unpaired surrogate',
    ...create,
    body: '{"title":"ok","description":"\\ud800"}',
    status: 422,
    pointers: ['/description'],
  },
  { name: 'an unknown route', path: () => '/deviations-archive', status: 404 },
  { name: 'an unknown nested route', path: () => `/deviations/${deviationId}/history`, status: 404 },
  {
    name: 'a known path with a method it does not take',
    method: 'DELETE',
    path: () => '/deviations',
    status: 405,
    header: ['allow', 'GET, POST'],
  },
  {
    name: 'PUT on a record',
    method: 'PUT',
    path: () => `/deviations/${deviationId}`,
    headers: json,
    body: '{}',
    status: 405,
    header: ['allow', 'GET, PATCH'],
  },
  { name: 'limit=0', path: () => '/deviations?limit=0', status: 400, pointers: ['/limit'] },
  { name: 'limit over the maximum', path: () => '/deviations?limit=201', status: 400, pointers: ['/limit'] },
  { name: 'limit not a number', path: () => '/deviations?limit=ten', status: 400, pointers: ['/limit'] },
  { name: 'sort=nope', path: () => '/deviations?sort=nope', status: 400, pointers: ['/sort'] },
  { name: 'an unknown filter', path: () => '/deviations?colour=red', status: 400, pointers: ['/colour'] },
  {
    name: 'an empty filter value',
    path: () => '/deviations?severity=',
    status: 400,
    pointers: ['/severity'],
  },
  {
    name: 'a cursor the API never issued',
    path: () => '/deviations?cursor=not-ours',
    status: 400,
    pointers: ['/cursor'],
  },
  { name: 'a NUL in the search text', path: () => '/deviations?q=a%00b', status: 400, pointers: ['/q'] },
  { name: 'a NUL in a filter', path: () => '/deviations?severity=%00', status: 400, pointers: ['/severity'] },
  {
    name: 'an audit-trail cursor never issued',
    user: 'quinn',
    path: () => '/audit-trail?cursor=abc',
    status: 400,
    pointers: ['/cursor'],
  },
  {
    name: 'a comments cursor never issued',
    path: () => `/deviations/${deviationId}/comments?cursor=abc`,
    status: 400,
  },
  {
    name: 'an audit-trail time that is no time',
    user: 'quinn',
    path: () => '/audit-trail?from=yesterday',
    status: 400,
  },
  {
    name: 'an audit-trail filter that is no UUID',
    user: 'quinn',
    path: () => '/audit-trail?recordId=1',
    status: 400,
  },
  {
    name: 'a NUL in an audit-trail filter',
    user: 'quinn',
    path: () => '/audit-trail?actorId=%00',
    status: 400,
  },
  { name: 'a malformed UUID in the path', path: () => '/deviations/not-a-uuid', status: 404 },
  { name: 'a UUID with a trailing character', path: () => `/deviations/${deviationId}x`, status: 404 },
  { name: 'an id that is no valid percent-encoding', path: () => '/deviations/%E0%A4%A', status: 404 },
  { name: 'an id percent-encoded twice', path: () => '/deviations/%25E0%25A4%25A', status: 404 },
  {
    name: 'a malformed attachment id',
    path: () => `/deviations/${deviationId}/attachments/nope`,
    status: 404,
  },
  {
    name: 'no Authorization',
    path: () => '/deviations',
    anonymous: true,
    status: 401,
    header: ['www-authenticate', /^Bearer/],
  },
  {
    name: 'an Authorization the host does not accept',
    path: () => '/deviations',
    anonymous: true,
    headers: { authorization: 'Test mallory' },
    status: 401,
    header: ['www-authenticate', /^Bearer/],
  },
];

describe('refused requests', () => {
  it.each(cases)('$name → $status problem+json', async (bad) => {
    const before = await kit.counts();
    const headers = {
      ...(bad.anonymous ? {} : { authorization: `Test ${bad.user ?? 'olivia'}` }),
      ...bad.headers,
    };
    const body = typeof bad.body === 'function' ? bad.body() : bad.body;
    const response = await kit.fetch((bad.path ?? (() => '/deviations'))(), {
      method: bad.method ?? 'GET',
      headers,
      body,
      duplex: body instanceof ReadableStream ? 'half' : undefined,
    });
    const text = await response.text();

    expect(response.status).toBe(bad.status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = JSON.parse(text);
    expect(problem).toMatchObject({ status: bad.status, type: expect.stringMatching(/^https:\/\//) });
    expect(typeof problem.title).toBe('string');
    if (bad.code) expect(problem.code).toBe(bad.code);
    for (const pointer of bad.pointers ?? []) {
      expect(problem.errors).toContainEqual({ pointer, detail: expect.any(String) });
    }
    if (bad.header) expect(response.headers.get(bad.header[0])).toMatch(bad.header[1]);
    // Nothing of the server's insides: no stack frame, no source path, no driver message.
    expect(text).not.toMatch(/\bat .+:\d+:\d+|\.ts\b|node_modules|Error:|SQL|syntax/i);
    expect(await kit.counts()).toEqual(before);
  });
});

describe('what is not refused', () => {
  it('the connection stays usable after a refused oversized body', async () => {
    const big = chunked(new TextEncoder().encode(JSON.stringify({ title: 'x'.repeat(4 * jsonLimit) })));
    const refused = await kit.fetch('/deviations', {
      method: 'POST',
      headers: { authorization: 'Test olivia', ...json },
      body: big,
      duplex: 'half',
    });
    expect(refused.status).toBe(413);
    await refused.text();
    const next = await kit.as('olivia')('/deviations', { method: 'POST', body: describedDeviation() });
    expect(next.status).toBe(201);
  });

  it('a JSON media type with parameters or a +json suffix is JSON', async () => {
    for (const contentType of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const response = await kit.as('olivia')('/deviations', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: describedDeviation(),
      });
      expect(response.status).toBe(201);
    }
  });

  it('a forged list cursor whose value is no timestamp is a 400, not a failed cast', async () => {
    const forged = Buffer.from(
      JSON.stringify({ s: '-createdAt', v: 'zzz', i: '01900000-0000-7000-8000-000000000000' }),
    ).toString('base64url');
    const response = await kit.as('olivia')(`/deviations?cursor=${forged}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
