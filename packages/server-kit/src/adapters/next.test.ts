/** The Next.js App Router adapter, called as Next calls it: with web Requests on the full URL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQms } from '../createQms';
import { kitStartTimeout, testPrincipals } from '../http/testing/startTestKit';
import type { Storage } from '../storage/storage';
import { createTestStorage } from '../testing';
import { toNext } from './next';

let storage: Storage;
let route: ReturnType<typeof toNext>;
beforeAll(async () => {
  storage = await createTestStorage();
  route = toNext(
    createQms({
      storage,
      basePath: '/qms',
      authenticate: (request) =>
        request.headers.get('authorization') === 'Test olivia' ? testPrincipals.olivia : null,
      verifySigner: () => ({ ok: false, code: 'invalid_credentials' }),
    }),
  );
}, kitStartTimeout);
afterAll(() => storage.close());

const headers = { authorization: 'Test olivia', 'content-type': 'application/json' };

describe('toNext', () => {
  it('creates and reads a deviation below the base path', async () => {
    const created = await route.POST(
      new Request('http://localhost/qms/deviations', {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': 'next-1' },
        body: JSON.stringify({ title: 'Raised from a Next.js app' }),
      }),
    );
    expect(created.status).toBe(201);
    const deviation = await created.json();
    expect(deviation).toMatchObject({ title: 'Raised from a Next.js app', state: 'draft', orgId: 'org-a' });
    // The Location resolves against the URL the client used, base path included.
    const location = new URL(created.headers.get('location') as string, 'http://localhost/qms/deviations');
    expect(location.pathname).toBe(`/qms/deviations/${deviation.id}`);

    const read = await route.GET(new Request(location, { headers }));
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(await read.json()).toEqual(deviation);

    const changed = await route.PATCH(
      new Request(location, {
        method: 'PATCH',
        headers: { ...headers, 'if-match': '"1"' },
        body: JSON.stringify({ changes: { area: 'Packaging' } }),
      }),
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
  });

  it.each([
    'http://localhost/deviations',
    'http://localhost/qmsx/deviations',
    'http://localhost/api/qms/deviations',
  ])('answers 404 problem+json for %s, outside the base path', async (url) => {
    const response = await route.GET(new Request(url, { headers }));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers at the base path itself and with a trailing slash', async () => {
    expect((await route.GET(new Request('http://localhost/qms', { headers }))).status).toBe(404);
    const list = await route.GET(new Request('http://localhost/qms/deviations/', { headers }));
    expect(list.status).toBe(200);
  });

  it('serves the OpenAPI document without authentication', async () => {
    const response = await route.GET(new Request('http://localhost/qms/openapi.json'));
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: '/qms' }]);
  });

  it('answers DELETE, which no route takes, with 405 and Allow', async () => {
    const response = await route.DELETE(
      new Request('http://localhost/qms/deviations', { method: 'DELETE', headers }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('answers a request without a body where one is needed with 400', async () => {
    const response = await route.POST(
      new Request('http://localhost/qms/deviations', { method: 'POST', headers }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
