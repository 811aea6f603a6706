/**
 * Issue 11 (last item): the attachments a record has when it is signed are covered by the
 * signature's content hash. `GET /{collection}/{id}/signatures/{signatureId}/verify` rebuilds
 * that hash over the attachments the signature lists and reads each one's stored file through
 * the file store: a covered file replaced or gone fails, naming the attachment; an attachment
 * added after signing does not touch the earlier signature; a signature given before
 * signatures covered attachments (no list) verifies as it did. On both drivers (PGlite, and
 * PostgreSQL with TEST_DATABASE_URL).
 */

import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  decideTransition,
  type RecordBase,
  recordContentHash,
  recordRoutes,
  type SignatureMeaning,
  transitionEffects,
} from '@masetra/core';
import { type RawBuilder, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../audit-checkpoints/verifyAuditTrail';
import { recordAuditedChange } from '../services/auditedChange';
import { updateRecordIfVersion } from '../storage/records';
import { createRecord, describedDeviation, expectOk, transition } from './testing/recordSteps';
import {
  kitStartTimeout,
  startTestKit,
  type TestKit,
  type TestUser,
  testPrincipals,
} from './testing/startTestKit';

let kit: TestKit;
beforeAll(async () => {
  kit = await startTestKit();
}, kitStartTimeout);
afterAll(() => kit.close());

const pdf = (text: string) =>
  new TextEncoder().encode(
    `%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n`,
  );

interface UploadedAttachment {
  id: string;
  fileName: string;
  sha256: string;
}

async function upload(
  user: TestUser,
  collection: string,
  recordId: string,
  fileName: string,
): Promise<UploadedAttachment> {
  const response = await kit.fetch(`/${collection}/${recordId}/attachments`, {
    method: 'POST',
    headers: {
      authorization: `Test ${user}`,
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent(fileName),
    },
    body: pdf(fileName),
  });
  if (response.status !== 201)
    throw new Error(`upload ${fileName}: ${response.status} ${await response.text()}`);
  return response.json();
}

interface Signed {
  id: string;
  recordVersion: number;
  contentHash: string;
  event: string;
  coveredAttachments?: string[];
}

async function signaturesOf(collection: string, id: string): Promise<Signed[]> {
  return (await kit.as('victor')(`/${collection}/${id}/signatures`)).json.items;
}

async function verify(collection: string, id: string, signatureId: string) {
  const response = await kit.as('victor')(`/${collection}/${id}/signatures/${signatureId}/verify`);
  expect(response.status).toBe(200);
  const recordType = kit.qms.registry.byCollection(collection);
  if (!recordType) throw new Error(`no record type serves ${collection}`);
  // The answer is the contract's shape, whichever way it goes.
  expect(recordRoutes(recordType).verifySignature.response.safeParse(response.json).success).toBe(true);
  return response.json;
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const covering = (attachments: readonly UploadedAttachment[]) =>
  attachments.map(({ id, sha256 }) => ({ id, sha256 }));

/** Where the local file store keeps an attachment's bytes, found by its storage key. */
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

/** What an administrator with superuser rights could do: switch the guards off, write, switch them on. */
async function tamper(table: string, statement: RawBuilder<unknown>) {
  await kit.storage.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE ${sql.id(table)} DISABLE TRIGGER USER`.execute(trx);
    await statement.execute(trx);
    await sql`ALTER TABLE ${sql.id(table)} ENABLE TRIGGER USER`.execute(trx);
  });
}

/** A deviation with two attachments uploaded while it was open, then approved with a signature. */
async function approvedWithAttachments(title: string) {
  let deviation = await createRecord(
    kit,
    'olivia',
    'deviations',
    describedDeviation({ title, immediateActions: 'Line stopped, labels quarantined.' }),
  );
  const report = await upload('olivia', 'deviations', deviation.id, 'batch-record.pdf');
  const logger = await upload('olivia', 'deviations', deviation.id, 'logger-export.pdf');
  deviation = await expectOk(transition(kit, 'olivia', 'deviations', deviation, 'SUBMIT'));
  deviation = await expectOk(transition(kit, 'quinn', 'deviations', deviation, 'SUBMIT_ASSESSMENT'));
  deviation = await expectOk(
    transition(kit, 'quinn', 'deviations', deviation, 'APPROVE', { sign: 'approval' }),
  );
  const [signature] = await signaturesOf('deviations', deviation.id);
  if (!signature) throw new Error('the approval left no signature');
  return { deviation, signature, report, logger };
}

/**
 * A signed move stored the way the kit stored one before migration 0005: core's
 * `transitionEffects` given no attachments (the hash of the record alone, no list), and the
 * signature row written with the columns it had then, so `covered_attachments` is null, as
 * the migration leaves every earlier row.
 */
async function signAsBeforeCoverage(
  user: TestUser,
  collection: string,
  current: RecordBase,
  event: string,
  meaning: SignatureMeaning,
) {
  const recordType = kit.qms.registry.byCollection(collection);
  if (!recordType) throw new Error(`no record type serves ${collection}`);
  const principal = testPrincipals[user];
  const decision = decideTransition(recordType, current as never, {
    type: event,
    actorId: principal.userId,
    signature: { meaning },
  });
  if (!decision.ok) throw new Error(decision.detail);
  const at = new Date().toISOString();
  const effects = await transitionEffects({
    current,
    accepted: decision as never,
    event,
    at,
    signer: { id: principal.userId, printedName: principal.displayName },
    newSignatureId: uuidv7,
  });
  const signature = effects.signature;
  if (!signature) throw new Error(`${event} is not signed`);
  await kit.storage.db.transaction().execute(async (trx) => {
    if (!(await updateRecordIfVersion(trx, recordType, effects.record, current.version))) {
      throw new Error('stale');
    }
    await sql`INSERT INTO signatures (id, org_id, record_type, record_id, record_version, content_hash,
          signer_id, signer_name, meaning, event, signed_at)
        VALUES (${signature.id}, ${principal.orgId}, ${signature.recordType}, ${signature.recordId},
          ${signature.recordVersion}, ${signature.contentHash}, ${signature.signerId}, ${signature.signerName},
          ${signature.meaning}, ${signature.event}, ${signature.signedAt})`.execute(trx);
    for (const entry of effects.auditEntries) {
      await recordAuditedChange(trx, {
        principal,
        recordType,
        record: effects.record,
        action: entry.action,
        eventVerb: entry.action === 'signature' ? 'signed' : 'transitioned',
        changes: entry.changes,
        reason: entry.reason,
        stateFrom: entry.stateFrom,
        stateTo: entry.stateTo,
        source: null,
        at,
      });
    }
  });
  return { record: effects.record, signature };
}

describe('the attachments a signature covers', () => {
  it('binds the attachments the record has when signed, and verification lists each one', async () => {
    const { deviation, signature, report, logger } = await approvedWithAttachments('Label mix-up on line 4');
    const covered = byId([report, logger]);
    expect(signature.coveredAttachments).toEqual(covered.map((attachment) => attachment.id));
    // The hash is core's, over the record as served and the attachments' recorded SHA-256s.
    expect(signature.contentHash).toBe(await recordContentHash(deviation, covering([logger, report])));
    expect(signature.contentHash).not.toBe(await recordContentHash(deviation));

    expect(await verify('deviations', deviation.id, signature.id)).toEqual({
      ok: true,
      signatureId: signature.id,
      recordVersion: deviation.version,
      contentHash: signature.contentHash,
      recomputedHash: signature.contentHash,
      manifestation: expect.stringMatching(/^Approved by Quinn QA, /),
      coveredAttachments: covered.map(({ id, fileName, sha256 }) => ({
        id,
        fileName,
        sha256,
        status: 'intact',
      })),
    });
    // The hash-chained trail says what the signature covers too, and the whole trail holds.
    const trail = (await kit.as('victor')(`/deviations/${deviation.id}/audit-trail`)).json.items;
    const signing = trail.find((entry: { action: string }) => entry.action === 'signature');
    expect(signing.changes[0].new).toMatchObject({
      signatureId: signature.id,
      contentHash: signature.contentHash,
      coveredAttachments: covered.map((attachment) => attachment.id),
    });
    expect(await verifyAuditTrail(kit.storage.db, 'org-a')).toMatchObject({ ok: true });
  });

  it('fails, naming the attachment, when a covered file is replaced or gone from the file store', async () => {
    const { deviation, signature, report, logger } = await approvedWithAttachments('Replaced evidence');
    // Someone with access to the disk swaps the batch record's bytes behind the application's back.
    await writeFile(await storedFilePath(report.id), pdf('a different batch record'));
    const replaced = await verify('deviations', deviation.id, signature.id);
    expect(replaced).toMatchObject({
      ok: false,
      reason: 'attachment_changed',
      contentHash: signature.contentHash,
      // The record and the SHA-256s recorded at upload are unchanged: the file is not.
      recomputedHash: signature.contentHash,
    });
    expect(byId(replaced.coveredAttachments)).toEqual(
      byId([
        { id: report.id, fileName: 'batch-record.pdf', sha256: report.sha256, status: 'file_changed' },
        { id: logger.id, fileName: 'logger-export.pdf', sha256: logger.sha256, status: 'intact' },
      ]),
    );

    await rm(await storedFilePath(logger.id));
    const gone = await verify('deviations', deviation.id, signature.id);
    expect(gone).toMatchObject({ ok: false, reason: 'attachment_changed' });
    expect(gone.coveredAttachments).toContainEqual({
      id: logger.id,
      fileName: 'logger-export.pdf',
      sha256: logger.sha256,
      status: 'missing',
    });
  });

  it('fails when a covered file is gone, and when its SHA-256 is rewritten to fit a replaced file', async () => {
    const { deviation, signature, report, logger } = await approvedWithAttachments('Rewritten evidence');
    await rm(await storedFilePath(logger.id));
    const gone = await verify('deviations', deviation.id, signature.id);
    expect(gone).toMatchObject({ ok: false, reason: 'attachment_missing' });
    expect(gone.coveredAttachments.find((check: { id: string }) => check.id === logger.id)).toEqual({
      id: logger.id,
      fileName: 'logger-export.pdf',
      sha256: logger.sha256,
      status: 'missing',
    });

    // The batch record replaced, and its recorded SHA-256 rewritten to the new file's: the file
    // now matches its row, but the signature's hash covered the SHA-256 that was there.
    const forgedFile = pdf('a forged batch record');
    await writeFile(await storedFilePath(report.id), forgedFile);
    const forgedSha = Buffer.from(await crypto.subtle.digest('SHA-256', forgedFile)).toString('hex');
    await tamper('attachments', sql`UPDATE attachments SET sha256 = ${forgedSha} WHERE id = ${report.id}`);
    const rewritten = await verify('deviations', deviation.id, signature.id);
    expect(rewritten).toMatchObject({
      ok: false,
      reason: 'content_changed',
      recomputedHash: await recordContentHash(deviation, [
        { id: report.id, sha256: forgedSha },
        { id: logger.id, sha256: logger.sha256 },
      ]),
    });
    expect(rewritten.recomputedHash).not.toBe(signature.contentHash);
    expect(rewritten.coveredAttachments).toContainEqual({
      id: report.id,
      fileName: 'batch-record.pdf',
      sha256: forgedSha,
      status: 'intact',
    });

    // The attachment's row removed altogether: nothing to rebuild the signed hash with.
    await tamper('attachments', sql`DELETE FROM attachments WHERE id = ${report.id}`);
    const removed = await verify('deviations', deviation.id, signature.id);
    expect(removed).toMatchObject({ ok: false, reason: 'attachment_missing', recomputedHash: null });
    expect(removed.coveredAttachments).toContainEqual({
      id: report.id,
      fileName: null,
      sha256: null,
      status: 'missing',
    });
  });

  it('does not cover an attachment added after signing: the earlier signature still verifies', async () => {
    let document = await createRecord(kit, 'olivia', 'documents', {
      title: 'Cold-room monitoring SOP',
      documentKind: 'sop',
      content: '1. Purpose\n2. Scope\n3. Procedure',
      effectiveDate: '2026-12-01',
      reviewIntervalMonths: 24,
    });
    // The content file (the test helper uploads one) is an attachment too, covered like any other.
    const content = {
      id: document.contentFile.attachmentId,
      fileName: document.contentFile.fileName,
      sha256: document.contentFile.sha256,
    };
    const draft = await upload('olivia', 'documents', document.id, 'draft-sop.pdf');
    document = await expectOk(transition(kit, 'olivia', 'documents', document, 'SUBMIT_FOR_REVIEW'));
    document = await expectOk(
      transition(kit, 'rita', 'documents', document, 'COMPLETE_REVIEW', { sign: 'review' }),
    );
    // Added after the review was signed, while the document waits for approval.
    const annex = await upload('olivia', 'documents', document.id, 'annex-calibration.pdf');
    document = await expectOk(
      transition(kit, 'quinn', 'documents', document, 'APPROVE', { sign: 'approval' }),
    );

    const [review, approval] = await signaturesOf('documents', document.id);
    expect([review?.event, approval?.event]).toEqual(['COMPLETE_REVIEW', 'APPROVE']);
    expect(review?.coveredAttachments).toEqual(byId([content, draft]).map((attachment) => attachment.id));
    expect(approval?.coveredAttachments).toEqual(
      byId([content, draft, annex]).map((attachment) => attachment.id),
    );

    const reviewed = await verify('documents', document.id, review?.id ?? '');
    expect(reviewed).toMatchObject({ ok: true, recomputedHash: review?.contentHash });
    expect(reviewed.coveredAttachments).toEqual(
      byId([content, draft]).map(({ id, fileName, sha256 }) => ({ id, fileName, sha256, status: 'intact' })),
    );
    const approved = await verify('documents', document.id, approval?.id ?? '');
    expect(approved).toMatchObject({ ok: true, recomputedHash: approval?.contentHash });
    expect(approved.coveredAttachments.map((check: { id: string }) => check.id)).toEqual(
      byId([content, draft, annex]).map((attachment) => attachment.id),
    );

    // The annex replaced: the approval covered it and fails; the review did not and holds.
    await writeFile(await storedFilePath(annex.id), pdf('another annex'));
    expect(await verify('documents', document.id, approval?.id ?? '')).toMatchObject({
      ok: false,
      reason: 'attachment_changed',
    });
    expect(await verify('documents', document.id, review?.id ?? '')).toMatchObject({ ok: true });
  });

  it('still verifies a signature given before signatures covered attachments, and says it covers none', async () => {
    let deviation = await createRecord(
      kit,
      'olivia',
      'deviations',
      describedDeviation({ title: 'Signed long ago', immediateActions: 'Batch held.' }),
    );
    const evidence = await upload('olivia', 'deviations', deviation.id, 'evidence.pdf');
    deviation = await expectOk(transition(kit, 'olivia', 'deviations', deviation, 'SUBMIT'));
    deviation = await expectOk(transition(kit, 'quinn', 'deviations', deviation, 'SUBMIT_ASSESSMENT'));
    const { record, signature } = await signAsBeforeCoverage(
      'quinn',
      'deviations',
      deviation,
      'APPROVE',
      'approval',
    );

    const [listed] = await signaturesOf('deviations', deviation.id);
    expect(listed?.id).toBe(signature.id);
    expect(listed).not.toHaveProperty('coveredAttachments');
    const stored = await kit.storage.db
      .selectFrom('signatures')
      .select('covered_attachments')
      .where('id', '=', signature.id)
      .executeTakeFirstOrThrow();
    expect(stored.covered_attachments).toBeNull();

    const verified = await verify('deviations', deviation.id, signature.id);
    expect(verified).toMatchObject({
      ok: true,
      contentHash: await recordContentHash(record),
      recomputedHash: await recordContentHash(record),
      coveredAttachments: null,
    });
    // Its hash never covered the evidence, so the evidence changing does not touch it.
    await writeFile(await storedFilePath(evidence.id), pdf('other evidence'));
    expect(await verify('deviations', deviation.id, signature.id)).toMatchObject({ ok: true });
    expect(await verifyAuditTrail(kit.storage.db, 'org-a')).toMatchObject({ ok: true });
  });

  it('fails a signature whose list of covered attachments was rewritten, here and in the whole trail', async () => {
    const { deviation, signature, report } = await approvedWithAttachments('Dropped from the list');
    await tamper(
      'signatures',
      sql`UPDATE signatures SET covered_attachments = ${JSON.stringify([report.id])}::jsonb WHERE id = ${signature.id}`,
    );
    expect(await verify('deviations', deviation.id, signature.id)).toMatchObject({
      ok: false,
      reason: 'content_changed',
      coveredAttachments: [{ id: report.id, status: 'intact' }],
    });
    expect(await verifyAuditTrail(kit.storage.db, 'org-a')).toMatchObject({
      ok: false,
      brokenAt: { reason: 'signature_mismatch', signatureId: signature.id },
    });
  });
});
