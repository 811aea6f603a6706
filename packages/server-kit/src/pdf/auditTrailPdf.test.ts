/**
 * Issue 14: the audit trail as a PDF, with the CSV export's filters and permission, read a page
 * at a time and written as it is read; and `writeAuditTrailPdf` as an export job calls it.
 */
import { PassThrough, Writable } from 'node:stream';
import { type AuditTrailEntry, MAX_PAGE_SIZE } from '@masetra/core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import { queryAuditTrail } from '../audit-trail/queryAuditTrail';
import { pdfPagesText } from '../documents/extractPdfText';
import { createRecord, describedDeviation, expectOk, update } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from '../http/testing/startTestKit';
import { writeAuditTrailPdf } from './writeAuditTrailPdf';

let kit: TestKit;
let changed: { id: string; number: string; version: number };
let other: { id: string; number: string; version: number };
/** Org B's trail: more than two pages of entries, written straight to the trail. */
const total = MAX_PAGE_SIZE * 2 + 7;
beforeAll(async () => {
  kit = await startTestKit();
  await kit.storage.db.transaction().execute(async (trx) => {
    for (let i = 0; i < total; i += 1) {
      await appendAuditEntry(trx, {
        orgId: 'org-b',
        actorId: 'greta',
        actorName: 'Greta Globex',
        action: 'update',
        recordType: 'deviation',
        recordId: uuidv7(),
        changes: [{ field: 'title', old: `v${i}`, new: `v${i + 1}` }],
        reason: `step ${i}`,
      });
    }
  });
  changed = await createRecord(
    kit,
    'olivia',
    'deviations',
    describedDeviation({ title: 'Filtered excursion' }),
  );
  changed = await expectOk(update(kit, 'olivia', 'deviations', changed, { area: 'Größenlager' }));
  other = await createRecord(kit, 'olivia', 'deviations', describedDeviation({ title: 'Unrelated spill' }));
}, kitStartTimeout);
afterAll(() => kit.close());

async function trailPdf(
  user: string,
  query = '',
): Promise<{ status: number; text: string; pages: string[]; body: string }> {
  const response = await kit.fetch(`/audit-trail/export.pdf${query}`, {
    headers: { authorization: `Test ${user}` },
  });
  if (response.status !== 200)
    return { status: response.status, text: '', pages: [], body: await response.text() };
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const pages = await pdfPagesText(new Uint8Array(await response.arrayBuffer()));
  return { status: 200, text: pages.join('\n'), pages, body: '' };
}

describe('GET /audit-trail/export.pdf', () => {
  it('prints the entries the filters select, with old and new values, and only those', async () => {
    const { status, text } = await trailPdf('quinn', `?recordId=${changed.id}&action=update`);
    expect(status).toBe(200);
    expect(text).toContain(changed.number);
    expect(text).toContain('Old value: Warehouse');
    expect(text).toContain('New value: Größenlager');
    expect(text).toContain('Olivia Originator (olivia)');
    expect(text).toContain(`recordId = ${changed.id}`);
    expect(text).not.toContain(other.number);
    expect(text).not.toContain('Filtered excursion'); // the create entry is not an update
    expect(text).toContain('End of export: 1 entries on 1 pages.');
  });

  it('streams a trail longer than a page whole, each page numbered, the end stating entries and pages', async () => {
    const { status, pages, text } = await trailPdf('greta');
    expect(status).toBe(200);
    // The trail as it stood when asked: Greta's own export entry is not in it.
    expect(text).toContain(`End of export: ${total} entries on ${pages.length} pages.`);
    for (const [index, page] of pages.entries()) expect(page).toContain(`Page ${index + 1}`);
    expect(text).toContain('Reason: step 0');
    expect(text).toContain(`Reason: step ${total - 1}`);
    expect(text).not.toContain(changed.number);
  });

  it("is refused without the CSV export's permission, and bad filters are a 400, writing no export entry", async () => {
    const before = (await kit.counts()).auditEntries;
    expect((await trailPdf('olivia')).status).toBe(403);
    const bad = await trailPdf('quinn', '?from=yesterday');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ status: 400 });
    expect((await trailPdf('quinn', '?limit=5')).status).toBe(400);
    expect((await kit.counts()).auditEntries).toBe(before);
  });

  it('writes an export entry naming the filters', async () => {
    await trailPdf('aaron', `?actorId=olivia`);
    const entries = (await kit.as('quinn')('/audit-trail?recordType=export&actorId=aaron')).json.items;
    expect(entries.at(-1)).toMatchObject({
      action: 'export',
      changes: expect.arrayContaining([
        { field: 'what', new: 'audit-trail' },
        { field: 'format', new: 'pdf' },
        { field: 'filters', new: { actorId: 'olivia' } },
      ]),
    });
  });
});

describe('writeAuditTrailPdf', () => {
  async function* entriesOf(orgId: string): AsyncGenerator<AuditTrailEntry> {
    let cursor: string | null | undefined;
    do {
      const page = await queryAuditTrail(kit.storage.db, orgId, {
        limit: MAX_PAGE_SIZE,
        cursor,
        recordType: 'deviation',
      });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }

  it('writes to a slow stream, reports progress per entry, and answers entries and pages', async () => {
    const chunks: Buffer[] = [];
    // A reader that takes its time: the writer must wait for it rather than buffer the file.
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        setTimeout(callback, 1);
      },
    });
    const progress: number[] = [];
    const result = await writeAuditTrailPdf(slow, entriesOf('org-b'), {
      locale: 'de',
      organizationName: 'Globex AG',
      printedBy: 'Gus Globex (gus)',
      printedAt: new Date('2026-11-30T10:00:00Z'),
      filters: { recordType: 'deviation' },
      onProgress: (done) => {
        progress.push(done);
      },
    });
    expect(result.entries).toBe(total);
    expect(progress).toHaveLength(total);
    expect(progress.at(-1)).toBe(total);
    const pages = await pdfPagesText(new Uint8Array(Buffer.concat(chunks)));
    expect(pages).toHaveLength(result.pages);
    expect(pages[0]).toContain('Globex AG');
    expect(pages[0]).toContain('Gedruckt von Gus Globex (gus) am 30.11.2026 10:00:00 UTC');
    expect(pages[0]).toContain('Seite 1');
    expect(pages.at(-1)).toContain(`Ende des Exports: ${total} Einträge auf ${result.pages} Seiten.`);
  });

  it('rejects when its output fails, rather than waiting for it', async () => {
    const output = new PassThrough();
    const writing = writeAuditTrailPdf(output, entriesOf('org-b'), {
      locale: 'en',
      organizationName: 'Globex AG',
      printedBy: 'Gus Globex (gus)',
      printedAt: new Date(),
    });
    output.destroy(new Error('client went away'));
    await expect(writing).rejects.toThrow();
  });
});
