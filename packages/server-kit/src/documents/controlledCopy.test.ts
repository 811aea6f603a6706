/**
 * Issue 13, controlled copies over HTTP on both drivers: the effective version's PDF comes back
 * stamped on every page (number, title, version, effective date, page n of m, "uncontrolled
 * when printed", and for a print copy who printed it and when) with a signature page naming
 * each review and approval, read back out of the PDF with a PDF text extractor. Other formats
 * download unchanged with the signature page as its own PDF; a version not effective is only
 * for those who work on documents; a print copy is written to the audit trail.
 */
import { createHash } from 'node:crypto';
import { PROBLEM_CONTENT_TYPE } from '@masetra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEffective, samplePdf, withContent } from '../http/testing/documentSteps';
import { createRecord } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit, type TestUser } from '../http/testing/startTestKit';
import { pdfPagesText } from './extractPdfText';

const NOW = new Date('2030-06-15T09:30:00.000Z');

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit({ qms: { clock: () => NOW } });
}, kitStartTimeout);
afterAll(() => kit.close());

const sop = (fields: Record<string, unknown> = {}) => ({
  title: 'Cleaning of tablet press tooling',
  documentKind: 'sop',
  effectiveDate: '2030-06-01',
  reviewIntervalMonths: 24,
  ...fields,
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function fetchBytes(user: TestUser, path: string) {
  const response = await kit.fetch(path, { headers: { authorization: `Test ${user}` } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('controlled copy of a PDF', () => {
  let effective: { id: string; number: string };
  beforeAll(async () => {
    const draft = await createRecord(kit, 'olivia', 'documents', sop());
    await withContent(kit, 'olivia', draft, {
      bytes: await samplePdf(['1. Purpose of the procedure', '2. Cleaning steps']),
      fileName: 'tooling.pdf',
    });
    effective = await makeEffective(kit, (await kit.as('olivia')(`/documents/${draft.id}`)).json);
  });

  it('stamps every page and appends the signature page, for any reader', async () => {
    const { response, bytes } = await fetchBytes('victor', `/documents/${effective.id}/controlled-copy`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pages = await pdfPagesText(bytes);
    expect(pages).toHaveLength(3);
    for (const [index, text] of pages.entries()) {
      expect(text).toContain(effective.number);
      expect(text).toContain('Cleaning of tablet press tooling');
      expect(text).toContain('Version 1.0');
      expect(text).toContain('Effective 2030-06-01');
      expect(text).toContain(`Page ${index + 1} of 3`);
      expect(text).toContain('UNCONTROLLED WHEN PRINTED');
      expect(text).not.toContain('Printed by');
    }
    expect(pages[0]).toContain('1. Purpose of the procedure');
    expect(pages[1]).toContain('2. Cleaning steps');
    const signaturePage = pages[2] ?? '';
    expect(signaturePage).toContain('Signature page');
    expect(signaturePage).toContain('Review: Rita Reviewer');
    expect(signaturePage).toContain('Approval: Quinn QA');
    expect(signaturePage).toContain('Meaning: review');
    expect(signaturePage).toContain('Meaning: approval');
    expect(signaturePage).toMatch(/Signed \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
  });

  it('names who printed a print copy and when, and writes it to the audit trail', async () => {
    const { response, bytes } = await fetchBytes(
      'victor',
      `/documents/${effective.id}/controlled-copy?purpose=print`,
    );
    expect(response.status).toBe(200);
    const pages = await pdfPagesText(bytes);
    for (const text of pages) expect(text).toContain('Printed by Victor Viewer at 2030-06-15 09:30:00 UTC');
    const trail = (await kit.as('victor')(`/documents/${effective.id}/audit-trail`)).json.items;
    expect(trail.at(-1)).toMatchObject({ action: 'print', actorId: 'victor' });
  });

  it('answers bad input with problem+json 4xx', async () => {
    const bad = await kit.as('victor')(`/documents/${effective.id}/controlled-copy?purpose=fax`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    expect((await kit.as('greta')(`/documents/${effective.id}/controlled-copy`)).status).toBe(404);
    expect((await kit.as('victor')('/documents/not-a-uuid/controlled-copy')).status).toBe(404);
  });
});

describe('who may read which version', () => {
  it('keeps a version not effective to those who work on documents', async () => {
    const draft = await createRecord(kit, 'olivia', 'documents', sop());
    for (const path of ['content', 'controlled-copy', 'signature-page']) {
      const refused = await kit.as('victor')(`/documents/${draft.id}/${path}`);
      expect(refused.status, path).toBe(403);
      expect(refused.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
      expect((await fetchBytes('olivia', `/documents/${draft.id}/${path}`)).response.status, path).toBe(200);
    }
    const copy = await fetchBytes('olivia', `/documents/${draft.id}/controlled-copy`);
    expect((await pdfPagesText(copy.bytes))[0]).toContain('Not effective (draft)');
  });
});

describe('other formats', () => {
  it('download unchanged, with the signature page as its own PDF', async () => {
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml')]);
    const draft = await kit.as('olivia')('/documents', {
      method: 'POST',
      body: sop({ documentKind: 'form' }),
    });
    const withDocx = await withContent(kit, 'olivia', draft.json, {
      bytes: docx,
      mediaType: DOCX,
      fileName: 'Batch record form.docx',
    });
    expect(withDocx.contentText).toBeUndefined();
    const effective = await makeEffective(kit, withDocx);

    const content = await fetchBytes('victor', `/documents/${effective.id}/content`);
    expect(content.response.headers.get('content-type')).toBe(DOCX);
    expect(createHash('sha256').update(content.bytes).digest('hex')).toBe(withDocx.contentFile.sha256);

    const copy = await kit.as('victor')(`/documents/${effective.id}/controlled-copy`);
    expect(copy.status).toBe(415);

    const page = await fetchBytes('victor', `/documents/${effective.id}/signature-page`);
    expect(page.response.headers.get('content-type')).toBe('application/pdf');
    const [text] = await pdfPagesText(page.bytes);
    expect(text).toContain(effective.number);
    expect(text).toContain('Review: Rita Reviewer');
    expect(text).toContain('Approval: Quinn QA');
    expect(text).toContain('Page 1 of 1');
  });
});
