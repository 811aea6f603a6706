import { recordTypes } from '@masetra/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient } from '../createClient';
import { baseUrl, deviationFixture, url, useMockServer } from '../internal/testing/mockServer';

const server = useMockServer();
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function setup() {
  const client = createClient({ baseUrl, getToken: async () => 'token-1', retry: 0, source: 'lims' });
  return { client, deviations: client.records(recordTypes.deviation) };
}

describe('records', () => {
  it('gets a record by id, with the bearer token and source, and remembers its ETag', async () => {
    const record = deviationFixture({ version: 3 });
    let seen: Request | undefined;
    server.use(
      http.get(url('/deviations/:id'), ({ request }) => {
        seen = request;
        return HttpResponse.json(record, { headers: { etag: '"3"' } });
      }),
    );
    const { client, deviations } = setup();
    await expect(deviations.get(record.id)).resolves.toEqual(record);
    expect(new URL(seen!.url).pathname).toBe(`/api/v1/deviations/${record.id}`);
    expect(seen!.headers.get('authorization')).toBe('Bearer token-1');
    expect(seen!.headers.get('x-masetra-source')).toBe('lims');
    expect(seen!.headers.get('idempotency-key')).toBeNull();
    expect(client.lastReadVersion(record.id)).toBe(3);
  });

  it('reads a record as it stood at a moment, without taking that past version as the one to change', async () => {
    const current = deviationFixture({ version: 5, state: 'in_assessment' });
    const past = { ...current, version: 2, state: 'draft' };
    const asked: (string | null)[] = [];
    server.use(
      http.get(url('/deviations/:id'), ({ request }) => {
        const asOf = new URL(request.url).searchParams.get('asOf');
        asked.push(asOf);
        return asOf
          ? HttpResponse.json(past)
          : HttpResponse.json(current, { headers: { etag: `"${current.version}"` } });
      }),
    );
    const { client, deviations } = setup();
    await deviations.get(current.id);
    await expect(deviations.get(current.id, { asOf: '2026-11-25T10:30:00.000Z' })).resolves.toEqual(past);
    expect(asked).toEqual([null, '2026-11-25T10:30:00.000Z']);
    // An update after a historical read still sends If-Match of the current version.
    expect(client.lastReadVersion(current.id)).toBe(5);
    await expect(deviations.get(current.id, { asOf: 'last tuesday' })).rejects.toMatchObject({
      name: 'ClientValidationError',
      errors: [expect.objectContaining({ pointer: '/asOf' })],
    });
    expect(asked).toHaveLength(2);
  });

  it('verifies a signature against the content of the version it signed', async () => {
    const record = deviationFixture({ version: 6 });
    const signatureId = crypto.randomUUID();
    const verification = {
      ok: false,
      reason: 'content_changed',
      signatureId,
      recordVersion: 6,
      contentHash: 'ab'.repeat(32),
      recomputedHash: 'cd'.repeat(32),
      manifestation: 'Approved by Dana Reyes, 2026-11-25 14:03 UTC',
      coveredAttachments: [
        { id: crypto.randomUUID(), fileName: 'logger.pdf', sha256: 'ef'.repeat(32), status: 'intact' },
      ],
    };
    let path = '';
    server.use(
      http.get(url('/deviations/:id/signatures/:signatureId/verify'), ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json(verification);
      }),
    );
    const { deviations } = setup();
    const answer = await deviations.verifySignature(record.id, signatureId);
    expect(answer).toEqual(verification);
    expect(path).toBe(`/api/v1/deviations/${record.id}/signatures/${signatureId}/verify`);
    // The answer is typed by the contract: a failure names its reason.
    expect(answer.ok ? 'ok' : answer.reason).toBe('content_changed');
    server.use(
      http.get(url('/deviations/:id/signatures/:signatureId/verify'), () =>
        HttpResponse.json({ ...verification, reason: 'looks_fine' }),
      ),
    );
    await expect(deviations.verifySignature(record.id, signatureId)).rejects.toMatchObject({
      name: 'ResponseValidationError',
    });
  });

  it('lists with the typed query as search parameters and remembers every version', async () => {
    const items = [deviationFixture({ version: 2 }), deviationFixture({ version: 5 })];
    let query: URLSearchParams | undefined;
    server.use(
      http.get(url('/deviations'), ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({ items, nextCursor: null });
      }),
    );
    const { client, deviations } = setup();
    const page = await deviations.list({
      limit: 2,
      sort: '-createdAt',
      state: 'draft,in_assessment',
      q: 'cold room',
    });
    expect(page).toEqual({ items, nextCursor: null });
    expect(Object.fromEntries(query!)).toEqual({
      limit: '2',
      sort: '-createdAt',
      state: 'draft,in_assessment',
      q: 'cold room',
    });
    expect(client.lastReadVersion(items[1]!.id)).toBe(5);
  });

  it('refuses a query the contract does not allow, before sending', async () => {
    const { deviations } = setup();
    await expect(deviations.list({ sort: 'colour' } as never)).rejects.toMatchObject({
      name: 'ClientValidationError',
      status: 0,
      errors: [expect.objectContaining({ pointer: '/sort' })],
    });
  });

  it('creates a draft with a fresh Idempotency-Key, or the caller’s own', async () => {
    const bodies: unknown[] = [];
    const keys: (string | null)[] = [];
    server.use(
      http.post(url('/deviations'), async ({ request }) => {
        bodies.push(await request.json());
        keys.push(request.headers.get('idempotency-key'));
        return HttpResponse.json(deviationFixture(), { status: 201, headers: { etag: '"1"' } });
      }),
    );
    const { deviations } = setup();
    await deviations.create({ title: 'Label mix-up on line 4', severity: 'minor' });
    await deviations.create({ title: 'Label mix-up on line 4' }, { idempotencyKey: 'lims-oos-24-117' });
    expect(bodies[0]).toEqual({ title: 'Label mix-up on line 4', severity: 'minor' });
    expect(keys[0]).toMatch(uuid);
    expect(keys[1]).toBe('lims-oos-24-117');
  });

  it('validates a create body locally and sends nothing when it breaks the schema', async () => {
    const { deviations } = setup();
    const error = await deviations
      .create({ title: '', severity: 'catastrophic' } as never)
      .catch((caught) => caught);
    expect(error).toMatchObject({ name: 'ClientValidationError', status: 0, code: 'invalid_input' });
    expect(error.errors.map((issue: { pointer: string }) => issue.pointer).sort()).toEqual([
      '/severity',
      '/title',
    ]);
  });

  it('sends the last read version as If-Match on update and transition, unless told otherwise', async () => {
    const record = deviationFixture({ version: 4 });
    const requests: { method: string; path: string; ifMatch: string | null; body: unknown }[] = [];
    let version = 4;
    const answer = async (request: Request) => {
      requests.push({
        method: request.method,
        path: new URL(request.url).pathname,
        ifMatch: request.headers.get('if-match'),
        body: request.method === 'GET' ? undefined : await request.json(),
      });
      if (request.method !== 'GET') version += 1;
      return HttpResponse.json({ ...record, version }, { headers: { etag: `"${version}"` } });
    };
    server.use(
      http.get(url('/deviations/:id'), ({ request }) => answer(request)),
      http.patch(url('/deviations/:id'), ({ request }) => answer(request)),
      http.post(url('/deviations/:id/transitions'), ({ request }) => answer(request)),
    );
    const { deviations } = setup();

    await deviations.get(record.id);
    await deviations.update(record.id, { area: 'Cold room 2' }, { reason: 'Area was missing' });
    await deviations.transition(record.id, {
      event: 'APPROVE',
      signature: { password: 'correct horse', meaning: 'approval' },
    });
    await deviations.update(record.id, { area: 'Warehouse' }, { version: 2 });

    expect(requests.map(({ method, path, ifMatch }) => `${method} ${path} ${ifMatch}`)).toEqual([
      `GET /api/v1/deviations/${record.id} null`,
      `PATCH /api/v1/deviations/${record.id} "4"`,
      `POST /api/v1/deviations/${record.id}/transitions "5"`,
      `PATCH /api/v1/deviations/${record.id} "2"`,
    ]);
    expect(requests[1]!.body).toEqual({ changes: { area: 'Cold room 2' }, reason: 'Area was missing' });
    expect(requests[2]!.body).toEqual({
      event: 'APPROVE',
      signature: { password: 'correct horse', meaning: 'approval' },
    });
  });

  it('surfaces a 412 as a ProblemError with code stale_version', async () => {
    const record = deviationFixture();
    server.use(
      http.patch(url('/deviations/:id'), () =>
        HttpResponse.json(
          {
            type: 'https://masetra.dev/problems/precondition-failed',
            title: 'The record has changed',
            status: 412,
            detail: 'The record is at version 7; reload it and apply your change again.',
            code: 'stale_version',
            currentVersion: 7,
          },
          { status: 412, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const { deviations } = setup();
    await expect(deviations.update(record.id, { area: 'Lab' }, { version: 6 })).rejects.toMatchObject({
      name: 'ProblemError',
      status: 412,
      code: 'stale_version',
      detail: 'The record is at version 7; reload it and apply your change again.',
      // Extension members of the problem document are kept.
      problem: expect.objectContaining({ currentVersion: 7 }),
    });
  });

  it('iterates across pages by following nextCursor', async () => {
    const pages = [
      { items: [deviationFixture(), deviationFixture()], nextCursor: 'c2' },
      { items: [deviationFixture()], nextCursor: 'c3' },
      { items: [deviationFixture(), deviationFixture()], nextCursor: null },
    ];
    const requested: { cursor: string | null; state: string | null }[] = [];
    server.use(
      http.get(url('/deviations'), ({ request }) => {
        const params = new URL(request.url).searchParams;
        requested.push({ cursor: params.get('cursor'), state: params.get('state') });
        return HttpResponse.json(pages[requested.length - 1]);
      }),
    );
    const { deviations } = setup();
    const seen: string[] = [];
    for await (const deviation of deviations.iterate({ state: 'closed', limit: 2 })) seen.push(deviation.id);
    expect(seen).toEqual(pages.flatMap((page) => page.items.map((item) => item.id)));
    expect(requested).toEqual([
      { cursor: null, state: 'closed' },
      { cursor: 'c2', state: 'closed' },
      { cursor: 'c3', state: 'closed' },
    ]);
  });

  it('uploads the raw bytes with Content-Type and a percent-encoded X-File-Name', async () => {
    const record = deviationFixture();
    const bytes = new TextEncoder().encode('%PDF-1.7 test');
    let received:
      | { type: string | null; name: string | null; key: string | null; body: Uint8Array }
      | undefined;
    const attachment = {
      id: crypto.randomUUID(),
      recordType: 'deviation',
      recordId: record.id,
      fileName: 'Prüfbericht 1/2.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.byteLength,
      sha256: 'ab'.repeat(32),
      uploadedBy: 'user-1',
      uploadedAt: '2026-11-25T10:00:00.000Z',
    };
    server.use(
      http.post(url('/deviations/:id/attachments'), async ({ request }) => {
        received = {
          type: request.headers.get('content-type'),
          name: request.headers.get('x-file-name'),
          key: request.headers.get('idempotency-key'),
          body: new Uint8Array(await request.arrayBuffer()),
        };
        return HttpResponse.json(attachment, { status: 201 });
      }),
    );
    const { deviations } = setup();
    await expect(
      deviations.attachments.upload(record.id, bytes, {
        fileName: 'Prüfbericht 1/2.pdf',
        contentType: 'application/pdf',
      }),
    ).resolves.toEqual(attachment);
    expect(received!.type).toBe('application/pdf');
    expect(received!.name).toBe('Pr%C3%BCfbericht%201%2F2.pdf');
    expect(received!.key).toMatch(uuid);
    expect(received!.body).toEqual(bytes);
  });

  it('takes the content type of a Blob and downloads an attachment as a Blob', async () => {
    const record = deviationFixture();
    const attachmentId = crypto.randomUUID();
    let contentType: string | null = null;
    server.use(
      http.post(url('/deviations/:id/attachments'), ({ request }) => {
        contentType = request.headers.get('content-type');
        return new HttpResponse(null, { status: 415 });
      }),
      http.get(url(`/deviations/:id/attachments/${attachmentId}`), () =>
        HttpResponse.text('batch record', { headers: { 'content-type': 'text/plain' } }),
      ),
    );
    const { deviations } = setup();
    await expect(
      deviations.attachments.upload(record.id, new Blob(['x'], { type: 'text/csv' }), { fileName: 'a.csv' }),
    ).rejects.toMatchObject({ name: 'ProblemError', status: 415 });
    expect(contentType).toBe('text/csv');
    const file = await deviations.attachments.download(record.id, attachmentId);
    expect(file).toBeInstanceOf(Blob);
    expect(await file.text()).toBe('batch record');
  });

  it('reads and writes comments and reads the audit trail and signatures', async () => {
    const record = deviationFixture();
    const comment = {
      id: crypto.randomUUID(),
      recordType: 'deviation',
      recordId: record.id,
      authorId: 'user-1',
      authorName: 'Dana Reyes',
      body: 'Checked the logger.',
      createdAt: '2026-11-25T10:00:00.000Z',
    };
    const paths: string[] = [];
    server.use(
      http.all(url('/deviations/:id/:sub'), async ({ request, params }) => {
        paths.push(`${request.method} ${params.sub}${new URL(request.url).search}`);
        if (params.sub === 'comments' && request.method === 'POST') {
          expect(await request.json()).toEqual({ body: 'Checked the logger.' });
          return HttpResponse.json(comment, { status: 201 });
        }
        if (params.sub === 'signatures') return HttpResponse.json({ items: [] });
        return HttpResponse.json({ items: params.sub === 'comments' ? [comment] : [], nextCursor: null });
      }),
    );
    const { deviations } = setup();
    await expect(deviations.comments.create(record.id, { body: 'Checked the logger.' })).resolves.toEqual(
      comment,
    );
    await expect(deviations.comments.list(record.id, { limit: 10 })).resolves.toEqual({
      items: [comment],
      nextCursor: null,
    });
    await expect(deviations.auditTrail(record.id)).resolves.toEqual({ items: [], nextCursor: null });
    await expect(deviations.signatures(record.id)).resolves.toEqual({ items: [] });
    expect(paths).toEqual(['POST comments', 'GET comments?limit=10', 'GET audit-trail', 'GET signatures']);
  });
  it('lists, adds and removes links, removing with the reason and an Idempotency-Key', async () => {
    const record = deviationFixture();
    const capaId = crypto.randomUUID();
    const link = {
      id: crypto.randomUUID(),
      kind: 'addressed_by',
      direction: 'outgoing',
      record: { type: 'capa', id: capaId, number: 'CAPA-2026-0001', title: 'Fix the seal', state: 'draft' },
      createdBy: 'user-1',
      createdByName: 'Dana Reyes',
      createdAt: '2026-11-25T10:00:00.000Z',
    };
    const seen: string[] = [];
    server.use(
      http.all(url('/deviations/:id/links/:linkId'), async ({ request }) => {
        seen.push(`${request.method} ${request.headers.get('idempotency-key') ? 'keyed' : 'unkeyed'}`);
        expect(await request.json()).toEqual({ reason: 'Wrong CAPA.' });
        return HttpResponse.json(link);
      }),
      http.all(url('/deviations/:id/links'), async ({ request }) => {
        seen.push(request.method);
        if (request.method === 'POST') {
          expect(await request.json()).toEqual({ kind: 'addressed_by', to: { type: 'capa', id: capaId } });
          return HttpResponse.json(link, { status: 201 });
        }
        return HttpResponse.json({ items: [link] });
      }),
    );
    const { deviations } = setup();
    await expect(
      deviations.links.add(record.id, { kind: 'addressed_by', to: { type: 'capa', id: capaId } }),
    ).resolves.toEqual(link);
    await expect(deviations.links.list(record.id)).resolves.toEqual({ items: [link] });
    await expect(deviations.links.remove(record.id, link.id, 'Wrong CAPA.')).resolves.toEqual(link);
    expect(seen).toEqual(['POST', 'GET', 'DELETE keyed']);
    // A link the contract does not know is refused before it is sent.
    await expect(
      deviations.links.add(record.id, { kind: 'relates', to: { type: 'capa', id: capaId } } as never),
    ).rejects.toThrow();
    expect(seen).toHaveLength(3);
  });
});
