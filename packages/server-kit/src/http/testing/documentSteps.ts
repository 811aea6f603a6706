/** Steps of the document-control tests: real PDF content files, uploads, and a version made effective. */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { runScheduledTransitions } from '../../services/systemTransitions';
import { expectOk, transition } from './recordSteps';
import type { TestKit, TestResponse, TestUser } from './startTestKit';

/** A real PDF with one page per entry, each page's text as given: what a PDF tool would read back. */
export async function samplePdf(
  pages: readonly string[] = ['1. Purpose 2. Scope 3. Procedure'],
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = pdf.addPage([595.28, 841.89]);
    page.drawText(text, { x: 56, y: 700, size: 11, font });
  }
  return pdf.save();
}

export interface ContentUpload {
  bytes?: Uint8Array | string;
  fileName?: string;
  mediaType?: string;
  headers?: Record<string, string>;
}

/** `PUT /documents/{id}/content` as a user; a generated PDF unless bytes are given. */
export async function uploadContent(
  kit: TestKit,
  user: TestUser,
  documentId: string,
  upload: ContentUpload = {},
): Promise<TestResponse> {
  return kit.as(user)(`/documents/${documentId}/content`, {
    method: 'PUT',
    headers: {
      'content-type': upload.mediaType ?? 'application/pdf',
      'x-file-name': encodeURIComponent(upload.fileName ?? 'procedure.pdf'),
      ...upload.headers,
    },
    body: upload.bytes ?? (await samplePdf()),
  });
}

/** Uploads a content file and fails the test unless the draft takes it; returns the new record version. */
export async function withContent(
  kit: TestKit,
  user: TestUser,
  document: { id: string },
  upload: ContentUpload = {},
): Promise<TestResponse['json']> {
  const response = await uploadContent(kit, user, document.id, upload);
  if (response.status !== 200) throw new Error(`content upload: ${response.status} ${response.text}`);
  return response.json;
}

/** The scheduler's sweep at a moment: approved versions whose effective date has come become effective. */
export function sweepAt(kit: TestKit, at: string, orgIds: readonly string[] = ['org-a', 'org-b']) {
  return runScheduledTransitions({
    storage: kit.storage,
    registry: kit.qms.registry,
    orgIds,
    now: new Date(at),
  });
}

/**
 * Takes a draft with its content through review (by `reviewer`) and approval (by `approver`),
 * submitted by `author`, then lets the scheduler make it effective on its effective date.
 */
export async function makeEffective(
  kit: TestKit,
  document: { id: string; version: number; effectiveDate?: string },
  people: { author: TestUser; reviewer: TestUser; approver: TestUser } = {
    author: 'olivia',
    reviewer: 'rita',
    approver: 'quinn',
  },
): Promise<TestResponse['json']> {
  let current = await expectOk(transition(kit, people.author, 'documents', document, 'SUBMIT_FOR_REVIEW'));
  current = await expectOk(
    transition(kit, people.reviewer, 'documents', current, 'COMPLETE_REVIEW', { sign: 'review' }),
  );
  current = await expectOk(
    transition(kit, people.approver, 'documents', current, 'APPROVE', { sign: 'approval' }),
  );
  await sweepAt(kit, `${current.effectiveDate}T12:00:00.000Z`);
  const effective = await kit.as(people.author)(`/documents/${current.id}`);
  if (effective.json?.state !== 'effective') throw new Error(`not effective: ${effective.text}`);
  return effective.json;
}
