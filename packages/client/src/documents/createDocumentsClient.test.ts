import type { ControlledDocument } from '@masetra/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient } from '../createClient';
import { isProblemError } from '../errors/ProblemError';
import { baseUrl, url, useMockServer } from '../internal/testing/mockServer';
import { fileNameOf } from './downloadedFile';

const server = useMockServer();
const sha256 = 'ab'.repeat(32);

function sop(overrides: Partial<ControlledDocument> = {}): ControlledDocument {
  return {
    id: crypto.randomUUID(),
    orgId: 'org-1',
    type: 'document',
    number: 'SOP-0001',
    state: 'draft',
    version: 1,
    ownerId: 'user-1',
    createdBy: 'user-1',
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    title: 'Cold-chain receipt',
    documentKind: 'sop',
    versionLabel: '0.1',
    ...overrides,
  };
}

const setup = () => createClient({ baseUrl, getToken: () => 'token-1', retry: 0 });

describe('documents', () => {
  it('uploads a content file with PUT, its name and type, and remembers the version it made', async () => {
    const before = sop();
    const after = sop({
      id: before.id,
      version: 2,
      contentFile: {
        attachmentId: crypto.randomUUID(),
        fileName: 'SOP Kühlkette.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 4,
        sha256,
        uploadedBy: 'user-1',
        uploadedAt: '2026-11-25T10:05:00.000Z',
      },
    });
    let seen:
      | { method: string; type: string | null; name: string | null; key: string | null; body: string }
      | undefined;
    server.use(
      http.put(url('/documents/:id/content'), async ({ request }) => {
        seen = {
          method: request.method,
          type: request.headers.get('content-type'),
          name: request.headers.get('x-file-name'),
          key: request.headers.get('idempotency-key'),
          body: await request.text(),
        };
        return HttpResponse.json(after);
      }),
    );
    const client = setup();
    const answer = await client.documents.uploadContent(
      before.id,
      new Blob(['%PDF'], { type: 'application/pdf' }),
      { fileName: 'SOP Kühlkette.pdf' },
    );
    expect(answer.contentFile?.sha256).toBe(sha256);
    expect(seen).toMatchObject({ method: 'PUT', type: 'application/pdf', body: '%PDF' });
    expect(decodeURIComponent(seen!.name!)).toBe('SOP Kühlkette.pdf');
    expect(seen!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.lastReadVersion(before.id)).toBe(2);
  });

  it('downloads a controlled copy as a Blob, with the purpose and the name the server gave', async () => {
    const id = crypto.randomUUID();
    let purpose: string | null = null;
    server.use(
      http.get(url('/documents/:id/controlled-copy'), ({ request }) => {
        purpose = new URL(request.url).searchParams.get('purpose');
        return new HttpResponse(new Uint8Array([37, 80, 68, 70]), {
          headers: {
            'content-type': 'application/pdf',
            'content-disposition': `attachment; filename="SOP-0001 v1.0.pdf"; filename*=UTF-8''SOP-0001%20v1.0%20K%C3%BChlkette.pdf`,
          },
        });
      }),
    );
    const copy = await setup().documents.controlledCopy(id, { purpose: 'print' });
    expect(purpose).toBe('print');
    expect(copy.fileName).toBe('SOP-0001 v1.0 Kühlkette.pdf');
    expect(copy.blob).toBeInstanceOf(Blob);
    expect(new Uint8Array(await copy.blob.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
  });

  it('downloads the file unchanged and the signature page, and lists the versions of one number', async () => {
    const first = sop({ state: 'superseded', versionLabel: '1.0' });
    const second = sop({ state: 'effective', versionLabel: '2.0', supersedesId: first.id });
    server.use(
      http.get(url('/documents/:id/content'), () =>
        HttpResponse.text('docx bytes', {
          headers: { 'content-disposition': 'attachment; filename=form.docx' },
        }),
      ),
      http.get(url('/documents/:id/signature-page'), () => new HttpResponse(new Uint8Array([1, 2]))),
      http.get(url('/documents/:id/versions'), () => HttpResponse.json({ items: [first, second] })),
    );
    const client = setup();
    const file = await client.documents.downloadContent(second.id);
    expect([file.fileName, await file.blob.text()]).toEqual(['form.docx', 'docx bytes']);
    const page = await client.documents.signaturePage(second.id);
    expect([page.fileName, page.blob.size]).toEqual([undefined, 2]);
    const { items } = await client.documents.versions(second.id);
    expect(items.map((version) => `${version.number} v${version.versionLabel}`)).toEqual([
      'SOP-0001 v1.0',
      'SOP-0001 v2.0',
    ]);
  });

  it('starts a revision with its reason and answers a refusal as a ProblemError', async () => {
    const effective = sop({ state: 'effective', versionLabel: '1.0' });
    const bodies: unknown[] = [];
    server.use(
      http.post(url('/documents/:id/revisions'), async ({ request }) => {
        bodies.push(await request.json());
        return bodies.length === 1
          ? HttpResponse.json(sop({ versionLabel: '1.1', version: 1, supersedesId: effective.id }), {
              status: 201,
            })
          : HttpResponse.json(
              { type: 'about:blank', title: 'Conflict', status: 409, code: 'revision_in_work' },
              { status: 409, headers: { 'content-type': 'application/problem+json' } },
            );
      }),
    );
    const client = setup();
    const draft = await client.documents.revise(effective.id, { reason: 'New logger model' });
    expect([draft.state, draft.versionLabel, draft.supersedesId]).toEqual(['draft', '1.1', effective.id]);
    const refusal = await client.documents.revise(effective.id).catch((error: unknown) => error);
    expect(isProblemError(refusal) && refusal.status).toBe(409);
    expect(bodies).toEqual([{ reason: 'New logger model' }, {}]);
  });

  it('lists the kinds and sets a prefix, checking the prefix before sending it', async () => {
    const setting = {
      kind: 'sop',
      prefix: 'QSOP',
      custom: true,
      updatedBy: 'admin',
      updatedAt: '2026-11-25T10:00:00.000Z',
    };
    let sent: unknown;
    server.use(
      http.get(url('/document-kinds'), () => HttpResponse.json({ items: [setting] })),
      http.put(url('/document-kinds/:kind'), async ({ request, params }) => {
        sent = { kind: params.kind, body: await request.json() };
        return HttpResponse.json(setting);
      }),
    );
    const client = setup();
    expect((await client.documents.kinds()).items).toEqual([setting]);
    await client.documents.setKindPrefix('sop', { prefix: 'QSOP', reason: 'Group numbering' });
    expect(sent).toEqual({ kind: 'sop', body: { prefix: 'QSOP', reason: 'Group numbering' } });
    await expect(client.documents.setKindPrefix('sop', { prefix: 'q-sop' })).rejects.toThrow();
  });
});

describe('fileNameOf', () => {
  it.each([
    [null, undefined],
    ['inline', undefined],
    ['attachment; filename="a \\"b\\".pdf"', 'a "b".pdf'],
    ["attachment; filename*=UTF-8''%E2%82%AC.pdf", '€.pdf'],
    ["attachment; filename=plain.pdf; filename*=UTF-8''%ZZ", 'plain.pdf'],
  ])('%s → %s', (header, name) => {
    expect(fileNameOf(header)).toBe(name);
  });
});
