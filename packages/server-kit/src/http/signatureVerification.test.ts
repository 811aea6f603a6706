/**
 * `GET /{collection}/{id}/signatures/{signatureId}/verify` (PART11 item 15): the content hash of
 * the signed version is recomputed, from the stored record or rebuilt from the trail, and a
 * signature copied or moved to another record or version, or content changed behind the
 * application's back, fails. On both drivers (PGlite, and PostgreSQL with TEST_DATABASE_URL).
 */

import { recordContentHash, recordRoutes } from '@masetra/core';
import { hostRegistry as registry } from '@masetra/fixtures';
import { type RawBuilder, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduledTransitions } from '../services/systemTransitions';
import { createFromScenario, scenarioOf } from './testing/recordScenarios';
import { createRecord, describedDeviation, expectOk, transition } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
let clock = Date.parse('2026-11-20T09:00:00.000Z');
const later = (minutes = 10) => {
  clock += minutes * 60_000;
};

beforeAll(async () => {
  kit = await startTestKit({ registry, qms: { clock: () => new Date(clock) } });
}, kitStartTimeout);
afterAll(() => kit.close());

interface Signed {
  id: string;
  recordVersion: number;
  contentHash: string;
  manifestation: string;
  event: string;
}

async function signaturesOf(collection: string, id: string): Promise<Signed[]> {
  return (await kit.as('victor')(`/${collection}/${id}/signatures`)).json.items;
}

async function verify(collection: string, id: string, signatureId: string) {
  const response = await kit.as('victor')(`/${collection}/${id}/signatures/${signatureId}/verify`);
  const recordType = registry.byCollection(collection);
  if (!recordType) throw new Error(`no record type serves ${collection}`);
  if (response.status === 200) {
    // The answer is the contract's shape, whichever way it goes.
    expect(recordRoutes(recordType).verifySignature.response.safeParse(response.json).success).toBe(true);
  }
  return response;
}

/** A deviation taken to `closed` by a signed approval: its last version is the one signed. */
async function approvedDeviation(title: string) {
  let deviation = await createRecord(
    kit,
    'olivia',
    'deviations',
    describedDeviation({ title, immediateActions: 'Line stopped, labels quarantined.' }),
  );
  later();
  deviation = await expectOk(transition(kit, 'olivia', 'deviations', deviation, 'SUBMIT'));
  later();
  deviation = await expectOk(transition(kit, 'quinn', 'deviations', deviation, 'SUBMIT_ASSESSMENT'));
  later();
  deviation = await expectOk(
    transition(kit, 'quinn', 'deviations', deviation, 'APPROVE', { sign: 'approval' }),
  );
  const [signature] = await signaturesOf('deviations', deviation.id);
  if (!signature) throw new Error('the approval left no signature');
  return { deviation, signature };
}

/** What an administrator with superuser rights could do: switch the guards off, write, switch them on. */
async function tamper(table: string, statement: RawBuilder<unknown>) {
  await kit.storage.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE ${sql.id(table)} DISABLE TRIGGER USER`.execute(trx);
    await statement.execute(trx);
    await sql`ALTER TABLE ${sql.id(table)} ENABLE TRIGGER USER`.execute(trx);
  });
}

/** Inserts a copy of a signature row under a new id, pointed at another record or version. */
async function copySignature(signatureId: string, to: { recordId: string; recordVersion: number }) {
  const copyId = uuidv7();
  await tamper(
    'signatures',
    sql`INSERT INTO signatures (id, org_id, record_type, record_id, record_version, content_hash,
          signer_id, signer_name, meaning, event, signed_at)
        SELECT ${copyId}, org_id, record_type, ${to.recordId}, ${to.recordVersion}, content_hash,
          signer_id, signer_name, meaning, event, signed_at
        FROM signatures WHERE id = ${signatureId}`,
  );
  return copyId;
}

describe('verifying a signature', () => {
  it('recomputes the hash of the version signed, for a built-in record type and a host’s own', async () => {
    const { deviation, signature } = await approvedDeviation('Label mix-up on line 4');
    expect(signature.recordVersion).toBe(deviation.version);
    const verified = await verify('deviations', deviation.id, signature.id);
    expect(verified.status).toBe(200);
    expect(verified.json).toEqual({
      ok: true,
      signatureId: signature.id,
      recordVersion: deviation.version,
      contentHash: signature.contentHash,
      recomputedHash: signature.contentHash,
      manifestation: signature.manifestation,
      coveredAttachments: [],
    });
    // The same function the signing move hashed with, over the record as served.
    expect(await recordContentHash(deviation)).toBe(signature.contentHash);

    let change = await createRecord(kit, 'olivia', 'change-controls', {
      title: 'Replace tablet press 2',
      justification: 'End of vendor support.',
      riskClass: 'high',
    });
    change = await expectOk(transition(kit, 'olivia', 'change-controls', change, 'SUBMIT'));
    later();
    change = await expectOk(
      transition(kit, 'quinn', 'change-controls', change, 'APPROVE', { sign: 'approval' }),
    );
    const [approval] = await signaturesOf('change-controls', change.id);
    expect((await verify('change-controls', change.id, approval?.id ?? '')).json).toMatchObject({
      ok: true,
      recordVersion: change.version,
    });
  });

  it.each(registry.list.map((recordType) => [recordType.name, recordType] as const))(
    'holds for every signature given through the lifecycle of record type %s',
    async (_, recordType) => {
      let record = await createFromScenario(kit, recordType);
      for (const move of scenarioOf(recordType).moves) {
        later();
        record = await expectOk(
          transition(kit, move.by, recordType.collection, record, move.event, { sign: move.sign }),
        );
      }
      const signatures = await signaturesOf(recordType.collection, record.id);
      expect(signatures.length).toBe(scenarioOf(recordType).moves.filter((move) => move.sign).length);
      for (const signature of signatures) {
        expect((await verify(recordType.collection, record.id, signature.id)).json).toMatchObject({
          ok: true,
          recordVersion: signature.recordVersion,
          recomputedHash: signature.contentHash,
        });
      }
    },
  );

  it('rebuilds an earlier signed version from the trail, after the record moved on', async () => {
    let document = await createRecord(kit, 'olivia', 'documents', {
      title: 'Cold-room monitoring SOP',
      documentKind: 'sop',
      content: '1. Purpose\n2. Scope\n3. Procedure',
      effectiveDate: '2026-12-01',
      reviewIntervalMonths: 24,
    });
    later();
    document = await expectOk(transition(kit, 'olivia', 'documents', document, 'SUBMIT_FOR_REVIEW'));
    later();
    document = await expectOk(
      transition(kit, 'rita', 'documents', document, 'COMPLETE_REVIEW', { sign: 'review' }),
    );
    later();
    document = await expectOk(
      transition(kit, 'quinn', 'documents', document, 'APPROVE', { sign: 'approval' }),
    );
    // The scheduler makes it effective on its date: one more version nobody signed.
    clock = Date.parse('2026-12-01T06:00:00.000Z');
    const swept = await runScheduledTransitions({
      storage: kit.storage,
      registry,
      orgIds: ['org-a'],
      now: new Date(clock),
    });
    expect(swept.moved).toBeGreaterThanOrEqual(1);
    const effective = (await kit.as('victor')(`/documents/${document.id}`)).json;
    expect(effective).toMatchObject({ state: 'effective', version: document.version + 1 });

    const [review, approval] = await signaturesOf('documents', document.id);
    expect([review?.event, approval?.event]).toEqual(['COMPLETE_REVIEW', 'APPROVE']);
    for (const signature of [review, approval]) {
      const verified = await verify('documents', document.id, signature?.id ?? '');
      expect(verified.json).toMatchObject({
        ok: true,
        recordVersion: signature?.recordVersion,
        recomputedHash: signature?.contentHash,
      });
      expect(signature?.recordVersion).toBeLessThan(effective.version);
    }
  });

  it('fails a signature row copied to another record', async () => {
    const { signature } = await approvedDeviation('Signed deviation');
    const { deviation: other } = await approvedDeviation('Another deviation');
    const copyId = await copySignature(signature.id, { recordId: other.id, recordVersion: other.version });
    const verified = await verify('deviations', other.id, copyId);
    expect(verified.json).toMatchObject({
      ok: false,
      reason: 'not_this_record',
      signatureId: copyId,
      recordVersion: other.version,
      contentHash: signature.contentHash,
      recomputedHash: await recordContentHash(other),
    });
    expect(verified.json.recomputedHash).not.toBe(signature.contentHash);
    // Asked under another record's path, the genuine signature is not that record's either.
    expect((await verify('deviations', other.id, signature.id)).json).toMatchObject({
      ok: false,
      reason: 'not_this_record',
      recomputedHash: null,
    });
  });

  it('fails a signature row copied to another version, existing or not', async () => {
    const { deviation, signature } = await approvedDeviation('Signed once');
    const earlier = await copySignature(signature.id, {
      recordId: deviation.id,
      recordVersion: deviation.version - 1,
    });
    const atEarlier = await verify('deviations', deviation.id, earlier);
    expect(atEarlier.json).toMatchObject({
      ok: false,
      reason: 'not_this_record',
      recordVersion: deviation.version - 1,
    });
    expect(atEarlier.json.recomputedHash).not.toBe(signature.contentHash);

    const never = await copySignature(signature.id, {
      recordId: deviation.id,
      recordVersion: deviation.version + 5,
    });
    expect((await verify('deviations', deviation.id, never)).json).toMatchObject({
      ok: false,
      reason: 'version_not_found',
      recomputedHash: null,
    });
    // The original is untouched by its copies.
    expect((await verify('deviations', deviation.id, signature.id)).json.ok).toBe(true);
  });

  it('fails a signature row moved to another version in place', async () => {
    const { deviation, signature } = await approvedDeviation('Moved in place');
    await tamper(
      'signatures',
      sql`UPDATE signatures SET record_version = ${deviation.version - 1} WHERE id = ${signature.id}`,
    );
    expect((await verify('deviations', deviation.id, signature.id)).json).toMatchObject({
      ok: false,
      reason: 'not_this_record',
    });
  });

  it('fails when the signed content changed at rest, even with the hash recomputed to fit', async () => {
    const { deviation, signature } = await approvedDeviation('Changed at rest');
    await tamper(
      'deviations',
      sql`UPDATE deviations SET data = jsonb_set(data, '{severity}', '"critical"') WHERE id = ${deviation.id}`,
    );
    const changed = await verify('deviations', deviation.id, signature.id);
    const forged = await recordContentHash({ ...deviation, severity: 'critical' });
    expect(changed.json).toMatchObject({
      ok: false,
      reason: 'content_changed',
      contentHash: signature.contentHash,
      recomputedHash: forged,
    });

    await tamper(
      'signatures',
      sql`UPDATE signatures SET content_hash = ${forged} WHERE id = ${signature.id}`,
    );
    expect((await verify('deviations', deviation.id, signature.id)).json).toMatchObject({
      ok: false,
      reason: 'content_changed',
      contentHash: forged,
      recomputedHash: forged,
    });
  });

  it('is a 404 for an unknown signature, and for a record of another organization', async () => {
    const { deviation, signature } = await approvedDeviation('Somebody else’s');
    const unknown = await verify('deviations', deviation.id, uuidv7());
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    const outsider = await kit.as('greta')(`/deviations/${deviation.id}/signatures/${signature.id}/verify`);
    expect(outsider.status).toBe(404);
    expect((await verify('deviations', deviation.id, 'not-a-uuid')).status).toBe(404);
  });
});
