/**
 * Issue 11, item 4: tampering by someone with full control of the database (owner, triggers
 * disabled, every hash recomputed) is still detected, because signed checkpoints of the chain
 * are kept outside the database. Each case first shows that the hash chain alone is fooled.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import { auditEntryContent } from '../audit-trail/auditEntryContent';
import { fromAuditRow } from '../audit-trail/auditEntryRow';
import { hashAuditEntry } from '../audit-trail/hashAuditEntry';
import { verifyAuditChain } from '../audit-trail/verifyAuditChain';
import type { Database } from '../storage/database';
import type { Storage } from '../storage/storage';
import { createTestStorage } from '../testing';
import { type AuditCheckpointer, createAuditCheckpointer } from './createAuditCheckpointer';
import { createAuditKey, generateAuditKeyPem } from './createAuditKey';
import { createFileCheckpointStore } from './createFileCheckpointStore';
import { verifyAuditTrail } from './verifyAuditTrail';

let storage: Storage;
let dir: string;
let checkpointer: AuditCheckpointer;
let checkpointFile: string;

/** Appends `count` entries for an organization, checkpointing after each, as the kit does after each write. */
async function writeTrail(orgId: string, count: number) {
  for (let i = 1; i <= count; i += 1) {
    await storage.db.transaction().execute((trx) =>
      appendAuditEntry(trx, {
        orgId,
        actorId: 'u1',
        actorName: 'Ada Quality',
        action: 'update',
        recordType: 'deviation',
        recordId: uuidv7(),
        changes: [{ field: 'title', old: `v${i - 1}`, new: `v${i}` }],
        reason: `change ${i}`,
      }),
    );
    await checkpointer.checkpoint(orgId);
  }
}

/** What an attacker with the owner's rights does: triggers off, do the work, triggers on. */
async function asAttacker(work: (db: Kysely<Database>) => Promise<void>) {
  const tables = ['audit_trail', 'audit_chain_heads', 'signatures'];
  for (const table of tables)
    await sql`ALTER TABLE ${sql.id(table)} DISABLE TRIGGER USER`.execute(storage.db);
  try {
    await work(storage.db);
  } finally {
    for (const table of tables)
      await sql`ALTER TABLE ${sql.id(table)} ENABLE TRIGGER USER`.execute(storage.db);
  }
}

/** Edits one entry and recomputes every hash after it and the chain head: the hash chain alone then verifies. */
async function rewriteFrom(db: Kysely<Database>, orgId: string, seq: number, reason: string) {
  const rows = await db
    .selectFrom('audit_trail')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('seq')
    .execute();
  let previousHash =
    rows.find((row) => Number(row.seq) === seq - 1)?.hash ?? fromAuditRow(rows[0]!).previousHash;
  for (const row of rows.filter((candidate) => Number(candidate.seq) >= seq)) {
    const entry = { ...fromAuditRow(row), reason: Number(row.seq) === seq ? reason : row.reason };
    const hash = hashAuditEntry(previousHash, auditEntryContent(entry));
    await db
      .updateTable('audit_trail')
      .set({ reason: entry.reason, previous_hash: previousHash, hash })
      .where('id', '=', row.id)
      .execute();
    previousHash = hash;
  }
  await db.updateTable('audit_chain_heads').set({ hash: previousHash }).where('org_id', '=', orgId).execute();
}

beforeAll(async () => {
  storage = await createTestStorage();
  dir = await mkdtemp(join(tmpdir(), 'masetra-checkpoints-'));
  checkpointFile = join(dir, 'audit-checkpoints.jsonl');
  const key = await createAuditKey(generateAuditKeyPem());
  checkpointer = createAuditCheckpointer(storage.db, {
    key,
    store: createFileCheckpointStore(checkpointFile),
  });
});

afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('verification against signed checkpoints kept outside the database', () => {
  it('accepts an untouched trail', async () => {
    await writeTrail('org-clean', 4);
    expect(await verifyAuditTrail(storage.db, 'org-clean', checkpointer)).toMatchObject({
      ok: true,
      entries: 4,
    });
  });

  it('finds an entry edited with every later hash and the head recomputed', async () => {
    await writeTrail('org-rewritten', 6);
    const third = await storage.db
      .selectFrom('audit_trail')
      .select('id')
      .where('org_id', '=', 'org-rewritten')
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await asAttacker((db) => rewriteFrom(db, 'org-rewritten', 3, 'nothing happened'));

    expect((await verifyAuditChain(storage.db, 'org-rewritten')).ok).toBe(true);
    expect(await verifyAuditTrail(storage.db, 'org-rewritten', checkpointer)).toEqual({
      ok: false,
      entries: 2,
      brokenAt: { seq: 3, id: third.id, reason: 'checkpoint_mismatch' },
    });
  });

  it('finds the newest entries deleted and the chain head rolled back', async () => {
    await writeTrail('org-rolled-back', 5);
    await asAttacker(async (db) => {
      await db
        .deleteFrom('audit_trail')
        .where('org_id', '=', 'org-rolled-back')
        .where('seq', '>', 3)
        .execute();
      const third = await db
        .selectFrom('audit_trail')
        .select('hash')
        .where('org_id', '=', 'org-rolled-back')
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('audit_chain_heads')
        .set({ seq: 3, hash: third.hash })
        .where('org_id', '=', 'org-rolled-back')
        .execute();
    });

    expect(await verifyAuditChain(storage.db, 'org-rolled-back')).toMatchObject({ ok: true, entries: 3 });
    expect(await verifyAuditTrail(storage.db, 'org-rolled-back', checkpointer)).toEqual({
      ok: false,
      entries: 3,
      brokenAt: { seq: 4, id: null, reason: 'rolled_back' },
    });
  });

  it('refuses a checkpoint signed by another key', async () => {
    await writeTrail('org-forged', 2);
    const stranger = await createAuditKey(generateAuditKeyPem());
    const forged = await stranger.sign({
      orgId: 'org-forged',
      fromSeq: 1,
      toSeq: 1,
      hashes: ['0'.repeat(64)],
      at: new Date().toISOString(),
    });
    await createFileCheckpointStore(checkpointFile).append(forged);

    expect(await verifyAuditTrail(storage.db, 'org-forged', checkpointer)).toMatchObject({
      ok: false,
      brokenAt: { seq: 1, reason: 'checkpoint_forged' },
    });
  });

  it('finds a signature moved to another record, against the entry the chain recorded for it', async () => {
    const orgId = 'org-signature';
    const recordId = uuidv7();
    const signatureId = uuidv7();
    const contentHash = 'c'.repeat(64);
    await storage.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('signatures')
        .values({
          id: signatureId,
          org_id: orgId,
          record_type: 'deviation',
          record_id: recordId,
          record_version: 4,
          content_hash: contentHash,
          signer_id: 'u2',
          signer_name: 'Grace Approver',
          meaning: 'approval',
          event: 'APPROVE',
          signed_at: new Date(),
        })
        .execute();
      await appendAuditEntry(trx, {
        orgId,
        actorId: 'u2',
        actorName: 'Grace Approver',
        action: 'signature',
        recordType: 'deviation',
        recordId,
        changes: [
          {
            field: 'signature',
            old: null,
            new: {
              signatureId,
              signerName: 'Grace Approver',
              meaning: 'approval',
              recordVersion: 4,
              contentHash,
            },
          },
        ],
      });
    });
    await checkpointer.checkpoint(orgId);
    expect(await verifyAuditTrail(storage.db, orgId, checkpointer)).toMatchObject({ ok: true, entries: 1 });

    await asAttacker(async (db) => {
      await db.updateTable('signatures').set({ record_id: uuidv7() }).where('id', '=', signatureId).execute();
    });
    expect((await verifyAuditChain(storage.db, orgId)).ok).toBe(true);
    expect(await verifyAuditTrail(storage.db, orgId, checkpointer)).toMatchObject({
      ok: false,
      brokenAt: { seq: 1, reason: 'signature_mismatch', signatureId },
    });
  });

  it('a new process reads where the checkpoints end and states only what is new', async () => {
    await writeTrail('org-restart', 3);
    const again = createAuditCheckpointer(storage.db, {
      key: await createAuditKey(generateAuditKeyPem()),
      store: createFileCheckpointStore(join(dir, 'other-process.jsonl')),
    });
    await again.checkpoint('org-restart');
    expect((await again.read('org-restart')).lastSeq).toBe(3);
    await again.checkpoint('org-restart');
    const stated = await createFileCheckpointStore(join(dir, 'other-process.jsonl')).list('org-restart');
    expect(stated.map(({ fromSeq, toSeq }) => [fromSeq, toSeq])).toEqual([[1, 3]]);
  });
});
