/**
 * Issue 13, documents, over HTTP on both drivers (PGlite, and PostgreSQL with TEST_DATABASE_URL):
 * a version's content file is bound to its signatures (a file replaced at rest fails
 * verification, naming it), it changes only in draft, one number across versions with
 * server-assigned labels, one version in work and one effective at a time (superseding in the
 * same transaction), number prefixes per kind an administrator sets, the periodic review as a
 * signed step, full-text search by the words inside a PDF, and bad input answered with
 * problem+json 4xx that wrote nothing.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROBLEM_CONTENT_TYPE } from '@masetra/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEffective, samplePdf, sweepAt, uploadContent, withContent } from '../http/testing/documentSteps';
import { createRecord, expectOk, transition, update } from '../http/testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit, type TestResponse } from '../http/testing/startTestKit';

/** The server's clock: periodic reviews are judged by it. */
const NOW = new Date('2030-06-15T09:00:00.000Z');

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit({ qms: { clock: () => NOW } });
}, kitStartTimeout);
afterAll(() => kit.close());

const sop = (fields: Record<string, unknown> = {}) => ({
  title: 'Cleaning of tablet press tooling',
  documentKind: 'sop',
  summary: 'How punches and dies are cleaned between campaigns.',
  effectiveDate: '2030-06-01',
  reviewIntervalMonths: 24,
  ...fields,
});

/** A refusal as problem+json with a 4xx status that left every table and the file store as they were. */
async function expectRefused(status: number, send: () => Promise<TestResponse>): Promise<TestResponse> {
  const before = await kit.counts();
  const response = await send();
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
  expect(await kit.counts()).toEqual(before);
  return response;
}

async function storedFilePath(attachmentId: string): Promise<string> {
  const row = await kit.storage.db
    .selectFrom('attachments')
    .select('storage_key')
    .where('id', '=', attachmentId)
    .executeTakeFirstOrThrow();
  const entries = await readdir(kit.filesRoot, { recursive: true, withFileTypes: true });
  const entry = entries.find((candidate) => candidate.isFile() && candidate.name === row.storage_key);
  if (!entry) throw new Error(`no stored file for attachment ${attachmentId}`);
  return join(entry.parentPath, entry.name);
}

describe('the content file of a version', () => {
  it('is bound to the review and approval signatures: a file replaced at rest fails verification, naming it', async () => {
    const created = await createRecord(kit, 'olivia', 'documents', sop());
    const document = await withContent(kit, 'olivia', created, {
      bytes: await samplePdf(['Tooling is cleaned with ethanol 70 %.']),
      fileName: 'SOP tooling cleaning.pdf',
    });
    expect(document.contentFile).toMatchObject({
      fileName: 'SOP tooling cleaning.pdf',
      mediaType: 'application/pdf',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const effective = await makeEffective(kit, document);
    const signatures = (await kit.as('olivia')(`/documents/${effective.id}/signatures`)).json.items;
    expect(signatures.map((signature: { meaning: string }) => signature.meaning)).toEqual([
      'review',
      'approval',
    ]);
    for (const signature of signatures) {
      expect(signature.coveredAttachments).toContain(document.contentFile.attachmentId);
      const verified = await kit.as('olivia')(`/documents/${effective.id}/signatures/${signature.id}/verify`);
      expect(verified.json).toMatchObject({ ok: true });
    }

    await writeFile(
      await storedFilePath(document.contentFile.attachmentId),
      await samplePdf(['Tooling is cleaned with water.']),
    );
    for (const signature of signatures) {
      const verified = await kit.as('olivia')(`/documents/${effective.id}/signatures/${signature.id}/verify`);
      expect(verified.json).toMatchObject({ ok: false, reason: 'attachment_changed' });
      expect(verified.json.coveredAttachments).toContainEqual(
        expect.objectContaining({ fileName: 'SOP tooling cleaning.pdf', status: 'file_changed' }),
      );
    }
    // Nor is the changed file handed out as the controlled content.
    const download = await kit.as('victor')(`/documents/${effective.id}/content`);
    expect(download.status).toBe(409);
    expect(download.json).toMatchObject({ code: 'attachment_changed' });
    expect(download.json.detail).toContain('SOP tooling cleaning.pdf');
  });

  it('changes only in draft: past draft a new file is refused with 409 and nothing is written', async () => {
    let document = await createRecord(kit, 'olivia', 'documents', sop());
    const replaced = await withContent(kit, 'olivia', document, { fileName: 'second draft.pdf' });
    expect(replaced.contentFile.fileName).toBe('second draft.pdf');
    expect(replaced.version).toBe(document.version + 1);
    document = await expectOk(transition(kit, 'olivia', 'documents', replaced, 'SUBMIT_FOR_REVIEW'));
    const refused = await expectRefused(409, () => uploadContent(kit, 'olivia', document.id));
    expect(refused.json.detail).toContain('only in draft');
    const after = await kit.as('olivia')(`/documents/${document.id}`);
    expect(after.json.contentFile).toEqual(replaced.contentFile);
  });

  it('is needed to enter review', async () => {
    const bare = await kit.as('olivia')('/documents', { method: 'POST', body: sop() });
    expect(bare.status).toBe(201);
    const submit = await transition(kit, 'olivia', 'documents', bare.json, 'SUBMIT_FOR_REVIEW');
    expect(submit.status).toBe(422);
    expect(submit.json).toMatchObject({ code: 'missing_fields' });
    expect(JSON.stringify(submit.json.errors)).toContain('/contentFile');
  });

  it('refuses bad uploads with problem+json 4xx, writing nothing', async () => {
    const document = (await kit.as('olivia')('/documents', { method: 'POST', body: sop() })).json;
    await expectRefused(415, () => uploadContent(kit, 'olivia', document.id, { mediaType: 'image/png' }));
    await expectRefused(415, () =>
      uploadContent(kit, 'olivia', document.id, { bytes: new TextEncoder().encode('MZ not a pdf at all') }),
    );
    await expectRefused(400, () =>
      uploadContent(kit, 'olivia', document.id, { headers: { 'x-file-name': '' } }),
    );
    await expectRefused(413, () =>
      uploadContent(kit, 'olivia', document.id, {
        bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, ...new Uint8Array(300 * 1024)]),
      }),
    );
    await expectRefused(403, () => uploadContent(kit, 'victor', document.id));
    await expectRefused(412, () =>
      uploadContent(kit, 'olivia', document.id, { headers: { 'if-match': `"${document.version + 5}"` } }),
    );
    await expectRefused(404, () => uploadContent(kit, 'greta', document.id));
    await expectRefused(404, () => uploadContent(kit, 'olivia', '0190a0b0-0000-7000-8000-00000000ffff'));
  });

  it('is written by the server alone: no create or update sets it, the label, the number or the version revised', async () => {
    const document = await createRecord(kit, 'olivia', 'documents', sop());
    for (const field of ['contentFile', 'versionLabel', 'number', 'supersedesId', 'contentText']) {
      const create = await kit.as('olivia')('/documents', {
        method: 'POST',
        body: { ...sop(), [field]: field === 'contentFile' ? document.contentFile : '2.0' },
      });
      expect(create.status, field).toBeGreaterThanOrEqual(400);
      expect(create.status, field).toBeLessThan(500);
      await expectRefused(422, () => update(kit, 'olivia', 'documents', document, { [field]: '2.0' }));
    }
  });
});

describe('one number across versions', () => {
  it('numbers by kind, keeps the number through revisions, and labels versions itself', async () => {
    const first = await createRecord(kit, 'olivia', 'documents', sop({ documentKind: 'work_instruction' }));
    const second = await createRecord(kit, 'olivia', 'documents', sop({ documentKind: 'work_instruction' }));
    expect(first.number).toMatch(/^WI-\d{4}$/);
    expect(Number(second.number.slice(3))).toBe(Number(first.number.slice(3)) + 1);
    expect(first.versionLabel ?? '0.1').toBe('0.1');

    const v1 = await makeEffective(kit, first);
    expect(v1).toMatchObject({ versionLabel: '1.0', state: 'effective', number: first.number });

    const draft = await kit.as('olivia')(`/documents/${v1.id}/revisions`, {
      method: 'POST',
      body: { reason: 'Add the new press.' },
    });
    expect(draft.status, draft.text).toBe(201);
    expect(draft.json).toMatchObject({
      number: first.number,
      versionLabel: '1.1',
      state: 'draft',
      supersedesId: v1.id,
      title: v1.title,
      documentKind: 'work_instruction',
      summary: v1.summary,
    });
    expect(draft.json.contentFile).toBeUndefined();
    expect((await kit.as('olivia')(`/documents/${draft.json.id}/signatures`)).json.items).toEqual([]);

    // One revision in work at a time; and only the effective version is revised.
    await expectRefused(409, () =>
      kit.as('olivia')(`/documents/${v1.id}/revisions`, { method: 'POST', body: {} }),
    );
    await expectRefused(409, () =>
      kit.as('olivia')(`/documents/${draft.json.id}/revisions`, { method: 'POST', body: {} }),
    );

    // Changes requested: the next minor; approved: the next major.
    let next = await withContent(kit, 'olivia', draft.json);
    next = await expectOk(update(kit, 'olivia', 'documents', next, { effectiveDate: '2030-06-10' }));
    next = await expectOk(transition(kit, 'olivia', 'documents', next, 'SUBMIT_FOR_REVIEW'));
    next = await expectOk(
      transition(kit, 'rita', 'documents', next, 'REQUEST_CHANGES', { reason: 'Name the press.' }),
    );
    expect(next.versionLabel).toBe('1.2');
    const v2 = await makeEffective(kit, next);
    expect(v2).toMatchObject({ number: first.number, versionLabel: '2.0', state: 'effective' });

    const versions = (await kit.as('victor')(`/documents/${v2.id}/versions`)).json.items;
    expect(
      versions.map((version: { versionLabel: string; state: string }) => [
        version.versionLabel,
        version.state,
      ]),
    ).toEqual([
      ['1.0', 'superseded'],
      ['2.0', 'effective'],
    ]);
  });

  it('supersedes the version in force in the same transaction as the next one becomes effective', async () => {
    const v1 = await makeEffective(kit, await createRecord(kit, 'olivia', 'documents', sop()));
    let next = (await kit.as('olivia')(`/documents/${v1.id}/revisions`, { method: 'POST', body: {} })).json;
    next = await withContent(kit, 'olivia', next);
    next = await expectOk(update(kit, 'olivia', 'documents', next, { effectiveDate: '2030-07-01' }));
    for (const [by, event, sign] of [
      ['olivia', 'SUBMIT_FOR_REVIEW', undefined],
      ['rita', 'COMPLETE_REVIEW', 'review'],
      ['quinn', 'APPROVE', 'approval'],
    ] as const) {
      next = await expectOk(transition(kit, by, 'documents', next, event, { sign }));
    }
    // The supersede fails (a trigger stands for any failure of it): the new version does not become effective either.
    await sql`CREATE OR REPLACE FUNCTION refuse_supersede() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'supersede refused for the test'; END $$`.execute(kit.storage.db);
    await sql`CREATE TRIGGER refuse_supersede BEFORE UPDATE ON documents FOR EACH ROW
      WHEN (NEW.state = 'superseded') EXECUTE FUNCTION refuse_supersede()`.execute(kit.storage.db);
    try {
      await sweepAt(kit, '2030-07-01T06:00:00.000Z', ['org-a']);
      const states = async () => [
        (await kit.as('olivia')(`/documents/${v1.id}`)).json.state,
        (await kit.as('olivia')(`/documents/${next.id}`)).json.state,
      ];
      expect(await states()).toEqual(['effective', 'approved']);
    } finally {
      await sql`DROP TRIGGER refuse_supersede ON documents`.execute(kit.storage.db);
    }
    await sweepAt(kit, '2030-07-01T06:00:00.000Z', ['org-a']);
    expect((await kit.as('olivia')(`/documents/${v1.id}`)).json.state).toBe('superseded');
    expect((await kit.as('olivia')(`/documents/${next.id}`)).json.state).toBe('effective');
  });

  it('lets only one of two revisions started at once through', async () => {
    const v1 = await makeEffective(kit, await createRecord(kit, 'olivia', 'documents', sop()));
    const start = () => kit.as('olivia')(`/documents/${v1.id}/revisions`, { method: 'POST', body: {} });
    const answers = await Promise.all([start(), start(), start()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    const versions = (await kit.as('olivia')(`/documents/${v1.id}/versions`)).json.items;
    expect(versions).toHaveLength(2);
  });

  it('keeps author, reviewer and approver of one version three people', async () => {
    // Greta may write, review and approve documents: as the author she may do neither of the others.
    let authored = await createRecord(kit, 'greta', 'documents', sop());
    authored = await expectOk(transition(kit, 'greta', 'documents', authored, 'SUBMIT_FOR_REVIEW'));
    const ownReview = await transition(kit, 'greta', 'documents', authored, 'COMPLETE_REVIEW', {
      sign: 'review',
    });
    expect(ownReview.json).toMatchObject({ status: 403, code: 'segregation_of_duties' });
    // Quinn may review and approve: having reviewed, he may not approve.
    let reviewed = await createRecord(kit, 'olivia', 'documents', sop());
    reviewed = await expectOk(transition(kit, 'olivia', 'documents', reviewed, 'SUBMIT_FOR_REVIEW'));
    reviewed = await expectOk(
      transition(kit, 'quinn', 'documents', reviewed, 'COMPLETE_REVIEW', { sign: 'review' }),
    );
    const ownApproval = await transition(kit, 'quinn', 'documents', reviewed, 'APPROVE', {
      sign: 'approval',
    });
    expect(ownApproval.json).toMatchObject({ status: 403, code: 'segregation_of_duties' });
    expect(ownApproval.json.detail).toContain('reviewer');
  });
});

describe('number prefixes of document kinds', () => {
  it('are the defaults until an administrator sets one, audited; numbers given keep theirs', async () => {
    const kinds = (await kit.as('victor')('/document-kinds')).json.items;
    expect(
      Object.fromEntries(kinds.map((kind: { kind: string; prefix: string }) => [kind.kind, kind.prefix])),
    ).toMatchObject({
      sop: 'SOP',
      work_instruction: 'WI',
      form: 'FRM',
      specification: 'SPEC',
      policy: 'POL',
    });
    const before = await createRecord(kit, 'olivia', 'documents', sop({ documentKind: 'policy' }));
    await expectRefused(403, () =>
      kit.as('quinn')('/document-kinds/policy', { method: 'PUT', body: { prefix: 'QP' } }),
    );
    await expectRefused(422, () =>
      kit.as('adam')('/document-kinds/policy', { method: 'PUT', body: { prefix: 'q-p' } }),
    );
    await expectRefused(409, () =>
      kit.as('adam')('/document-kinds/policy', { method: 'PUT', body: { prefix: 'SOP' } }),
    );
    const set = await kit.as('adam')('/document-kinds/policy', {
      method: 'PUT',
      body: { prefix: 'QP', reason: 'Group numbering standard.' },
    });
    expect(set.json).toMatchObject({ kind: 'policy', prefix: 'QP', custom: true, updatedBy: 'adam' });
    const trail = await kit.storage.db
      .selectFrom('audit_trail')
      .selectAll()
      .where('record_type', '=', 'document_kind_prefix')
      .where('record_id', '=', 'policy')
      .execute();
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actor_id: 'adam', reason: 'Group numbering standard.' });

    const after = await createRecord(kit, 'olivia', 'documents', sop({ documentKind: 'policy' }));
    expect(after.number).toBe('QP-0001');
    expect((await kit.as('olivia')(`/documents/${before.id}`)).json.number).toMatch(/^POL-\d{4}$/);
    // Another organization's prefixes are its own.
    const other = await createRecord(kit, 'greta', 'documents', sop({ documentKind: 'policy' }));
    expect(other.number).toBe('POL-0001');
  });

  it('requires a kind at creation', async () => {
    const { documentKind: _kind, ...noKind } = sop();
    await expectRefused(422, () => kit.as('olivia')('/documents', { method: 'POST', body: noKind }));
  });
});

describe('periodic review', () => {
  it('is signed by the owner when due ("no change needed"), moving the next due date on', async () => {
    // Effective 2030-06-01 with a one-month interval: due 2030-07-01, within 30 days of the server clock.
    const due = await makeEffective(
      kit,
      await createRecord(kit, 'olivia', 'documents', sop({ reviewIntervalMonths: 1 })),
    );
    expect(due.nextReviewDue).toBe('2030-07-01');
    const notOwner = await transition(kit, 'quinn', 'documents', due, 'CONFIRM_PERIODIC_REVIEW', {
      sign: 'review',
    });
    expect(notOwner.status).toBeGreaterThanOrEqual(403);
    expect(notOwner.status).toBeLessThan(500);
    const reviewed = await expectOk(
      transition(kit, 'olivia', 'documents', due, 'CONFIRM_PERIODIC_REVIEW', { sign: 'review' }),
    );
    expect(reviewed).toMatchObject({
      state: 'effective',
      versionLabel: '1.0',
      lastPeriodicReviewOn: '2030-06-15',
      nextReviewDue: '2030-07-15',
    });
    const signatures = (await kit.as('olivia')(`/documents/${due.id}/signatures`)).json.items;
    expect(signatures.at(-1)).toMatchObject({
      event: 'CONFIRM_PERIODIC_REVIEW',
      meaning: 'review',
      signerId: 'olivia',
    });
  });

  it('is refused while not due', async () => {
    const notDue = await makeEffective(kit, await createRecord(kit, 'olivia', 'documents', sop()));
    const early = await transition(kit, 'olivia', 'documents', notDue, 'CONFIRM_PERIODIC_REVIEW', {
      sign: 'review',
    });
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ code: 'guard_failed' });
    expect((await kit.as('olivia')(`/documents/${notDue.id}`)).json.nextReviewDue).toBe(notDue.nextReviewDue);
  });
});

describe('full-text search', () => {
  it('finds a document by a word only its PDF contains', async () => {
    const document = await createRecord(kit, 'olivia', 'documents', sop({ title: 'Line clearance' }));
    await withContent(kit, 'olivia', document, {
      bytes: await samplePdf(['Introduction', 'Check the zirconiumflux gauge before each batch.']),
    });
    const found = await kit.as('victor')('/documents?q=zirconiumflux');
    expect(found.json.items.map((item: { id: string }) => item.id)).toEqual([document.id]);
    const none = await kit.as('victor')('/documents?q=hafniumflux');
    expect(none.json.items).toEqual([]);
  });
});
