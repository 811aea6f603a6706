/**
 * Issue 11, item 4 over HTTP: a kit with `auditCheckpoints` signs the chain after every write,
 * before it answers, and `GET /audit-trail/verify` reports a trail that the database's owner
 * rewrote and re-hashed, with the first entry that differs.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditKey, createFileCheckpointStore, generateAuditKeyPem } from '../audit-checkpoints';
import { auditEntryContent } from '../audit-trail/auditEntryContent';
import { fromAuditRow } from '../audit-trail/auditEntryRow';
import { hashAuditEntry } from '../audit-trail/hashAuditEntry';
import { createRecord, describedDeviation, expectOk, transition } from './testing/recordSteps';
import { kitStartTimeout, startTestKit, type TestKit } from './testing/startTestKit';

let kit: TestKit;
let dir: string;
let checkpointFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'masetra-kit-checkpoints-'));
  checkpointFile = join(dir, 'audit-checkpoints.jsonl');
  kit = await startTestKit({
    qms: {
      auditCheckpoints: {
        key: await createAuditKey(generateAuditKeyPem()),
        store: createFileCheckpointStore(checkpointFile),
      },
    },
  });
}, kitStartTimeout);
afterAll(async () => {
  await kit?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('audit checkpoints over HTTP', () => {
  it('checkpoints every acknowledged write and reports a rewritten, re-hashed trail', async () => {
    const created = await createRecord(
      kit,
      'olivia',
      'deviations',
      describedDeviation({ title: 'Fridge 3 at 11 °C' }),
    );
    await expectOk(transition(kit, 'olivia', 'deviations', { ...created, version: 1 }, 'SUBMIT'));

    // Each answer came after its entries were checkpointed: the file already states them all.
    const lines = (await readFile(checkpointFile, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ orgId: 'org-a', toSeq: 2 });
    expect((await kit.as('quinn')('/audit-trail/verify')).json).toMatchObject({ ok: true, entries: 2 });

    // The database's owner edits the first entry's reason and recomputes every hash and the head.
    const db = kit.storage.db;
    await sql`ALTER TABLE audit_trail DISABLE TRIGGER USER`.execute(db);
    await sql`ALTER TABLE audit_chain_heads DISABLE TRIGGER USER`.execute(db);
    const rows = await db
      .selectFrom('audit_trail')
      .selectAll()
      .where('org_id', '=', 'org-a')
      .orderBy('seq')
      .execute();
    let previousHash = rows[0]!.previous_hash;
    for (const row of rows) {
      const entry = { ...fromAuditRow(row), actorName: 'Somebody Else' };
      const hash = hashAuditEntry(previousHash, auditEntryContent(entry));
      await db
        .updateTable('audit_trail')
        .set({ actor_name: entry.actorName, previous_hash: previousHash, hash })
        .where('id', '=', row.id)
        .execute();
      previousHash = hash;
    }
    await db
      .updateTable('audit_chain_heads')
      .set({ hash: previousHash })
      .where('org_id', '=', 'org-a')
      .execute();
    await sql`ALTER TABLE audit_trail ENABLE TRIGGER USER`.execute(db);
    await sql`ALTER TABLE audit_chain_heads ENABLE TRIGGER USER`.execute(db);

    const verify = await kit.as('quinn')('/audit-trail/verify');
    expect(verify.status).toBe(200);
    expect(verify.json).toEqual({
      ok: false,
      entries: 0,
      brokenAt: { seq: 1, id: rows[0]!.id, reason: 'checkpoint_mismatch' },
    });
  });
});
