/** Attachments over HTTP: evidence files stored whole, checked, and traced in the audit trail. */
import { createHash } from 'node:crypto';
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

const attachmentLimit = 256 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A small but real-looking PDF: what counts is that it starts with `%PDF`. */
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

function upload(body: BodyInit, headers: Record<string, string>, duplex?: 'half') {
  return kit.fetch(`/deviations/${deviationId}/attachments`, {
    method: 'POST',
    headers: { authorization: 'Test olivia', ...headers },
    body,
    duplex,
  });
}

/** Bytes sent in chunks with no Content-Length. */
function chunked(bytes: Uint8Array, chunkSize = 16 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

describe('uploading and downloading', () => {
  it('stores a PDF, answers 201 with its SHA-256, and gives back the same bytes', async () => {
    const response = await upload(pdf, {
      'content-type': 'application/pdf',
      'x-file-name': 'logger%20export.pdf',
    });
    expect(response.status).toBe(201);
    const attachment = await response.json();
    expect(attachment).toMatchObject({
      recordType: 'deviation',
      recordId: deviationId,
      fileName: 'logger export.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: sha256(pdf),
      uploadedBy: 'olivia',
    });
    expect(attachment).not.toHaveProperty('storageKey');

    const download = await kit.fetch(`/deviations/${deviationId}/attachments/${attachment.id}`, {
      headers: { authorization: 'Test victor' },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''logger%20export.pdf",
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes).toEqual(pdf);

    const list = await kit.as('victor')(`/deviations/${deviationId}/attachments`);
    expect(list.json.items).toContainEqual(attachment);

    const trail = await kit.as('quinn')(`/deviations/${deviationId}/audit-trail`);
    const entry = trail.json.items.find((item: { action: string }) => item.action === 'attachment');
    expect(entry).toMatchObject({
      actorId: 'olivia',
      changes: [
        {
          field: 'attachments',
          old: null,
          new: {
            id: attachment.id,
            fileName: 'logger export.pdf',
            sha256: sha256(pdf),
            sizeBytes: pdf.length,
          },
        },
      ],
    });
  });

  it('stores a file that arrives in chunks without Content-Length', async () => {
    const bytes = new Uint8Array(100_000).fill(0x41);
    bytes.set(pdf);
    const response = await upload(
      chunked(bytes),
      { 'content-type': 'application/pdf', 'x-file-name': 'long.pdf' },
      'half',
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ sizeBytes: bytes.length, sha256: sha256(bytes) });
  });

  it('stores text files, which have no leading bytes to check', async () => {
    const response = await upload('lot,result\n24-117,62 N\n', {
      'content-type': 'text/csv',
      'x-file-name': 'ipc.csv',
    });
    expect(response.status).toBe(201);
  });

  it('a download of an attachment of another record is a 404', async () => {
    const response = await upload(pdf, { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' });
    const { id } = await response.json();
    const other = await createRecord(kit, 'olivia', 'deviations', describedDeviation());
    const elsewhere = await kit.as('olivia')(`/deviations/${other.id}/attachments/${id}`);
    expect(elsewhere.status).toBe(404);
    const unknown = await kit.as('olivia')(
      `/deviations/${deviationId}/attachments/01960000-0000-7000-8000-00000000beef`,
    );
    expect(unknown.status).toBe(404);
  });
});

describe('refused uploads leave nothing behind', () => {
  const bigPdf = () => {
    const bytes = new Uint8Array(attachmentLimit + 64 * 1024);
    bytes.set(pdf);
    return bytes;
  };

  it.each<{ name: string; body: () => BodyInit; headers: Record<string, string>; status: number }>([
    {
      name: 'a "PDF" that is not a PDF',
      body: () => new TextEncoder().encode('MZ\x90\x00 this is an executable'),
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'invoice.pdf' },
      status: 415,
    },
    {
      name: 'a "PNG" too short to be one',
      body: () => new Uint8Array([0x89, 0x50]),
      headers: { 'content-type': 'image/png', 'x-file-name': 'tiny.png' },
      status: 415,
    },
    {
      name: 'a content type that is not allowed',
      body: () => new TextEncoder().encode('<script>alert(1)</script>'),
      headers: { 'content-type': 'text/html', 'x-file-name': 'page.html' },
      status: 415,
    },
    {
      name: 'no content type',
      body: () => pdf,
      headers: { 'x-file-name': 'unlabelled.pdf' },
      status: 415,
    },
    {
      name: 'a file over the limit, with Content-Length',
      body: bigPdf,
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'big.pdf' },
      status: 413,
    },
    {
      name: 'a file over the limit, chunked without Content-Length',
      body: () => chunked(bigPdf()),
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'big.pdf' },
      status: 413,
    },
    {
      name: 'no X-File-Name',
      body: () => pdf,
      headers: { 'content-type': 'application/pdf' },
      status: 400,
    },
    {
      name: 'an X-File-Name of only separators and control characters',
      body: () => pdf,
      headers: { 'content-type': 'application/pdf', 'x-file-name': '%2F%5C%00%0A' },
      status: 400,
    },
    {
      name: 'an X-File-Name that is no valid percent-encoding',
      body: () => pdf,
      headers: { 'content-type': 'application/pdf', 'x-file-name': '%E0%A4%A' },
      status: 400,
    },
  ])('$name → $status', async ({ body, headers, status }) => {
    const before = await kit.counts();
    const payload = body();
    const response = await upload(payload, headers, payload instanceof ReadableStream ? 'half' : undefined);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status });
    // No row, no audit entry, no file on disk.
    expect(await kit.counts()).toEqual(before);
  });

  it('the connection is still good after a refused upload', async () => {
    const refused = await upload(new TextEncoder().encode('not a pdf'), {
      'content-type': 'application/pdf',
      'x-file-name': 'fake.pdf',
    });
    expect(refused.status).toBe(415);
    await refused.text();
    const accepted = await upload(pdf, { 'content-type': 'application/pdf', 'x-file-name': 'real.pdf' });
    expect(accepted.status).toBe(201);
  });

  it('a file name keeps its letters but loses path separators and control characters', async () => {
    const response = await upload(pdf, {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('../../etc/Prüfbericht\n2026.pdf'),
    });
    expect(response.status).toBe(201);
    expect((await response.json()).fileName).toBe('....etcPrüfbericht2026.pdf');
  });
});
