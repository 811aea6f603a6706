/**
 * Audit chain verification: how fast server-kit's `verifyAuditChain` checks a chain of
 * 1,000,000 entries on PostgreSQL, against raw SHA-256 of the same bytes in the same process —
 * the floor of any verification, which must hash every entry.
 *
 * The entries are made here, hashed exactly as core's `auditEntryHash` does (SHA-256 of the
 * previous hash, a newline and the canonical JSON of the entry), and bulk-inserted with SQL
 * under an organization of their own, with its chain head.
 */
import { createHash, randomUUID } from 'node:crypto';
import { openDirectDatabase } from './lib/directDatabase.mjs';
import { figure } from './lib/results.mjs';
import { loadCore, loadServerKit } from './lib/workspace.mjs';

/** BENCH_AUDIT_ENTRIES runs a shorter chain, to try a change quickly; the figure is at a million. */
const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000);
const BATCH = 2_000;
const RECORDS = 10_000;
/** WebCrypto is timed on the first entries only: its rate is steady, and it is slow. */
const WEB_CRYPTO_SAMPLE = 100_000;
const GENESIS = '0'.repeat(64);
/** The first entry's time; each next one is 10 ms later. */
const START = Date.parse('2025-01-01T00:00:00.000Z');

const columns = [
  'id',
  'org_id',
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'record_type',
  'record_id',
  'record_number',
  'changes',
  'reason',
  'source',
  'state_from',
  'state_to',
  'previous_hash',
  'hash',
];

/** Entry `seq` of the benchmark organization: what it says, as the database gives it back. */
function entryContent(orgId, recordIds, seq) {
  const record = (seq - 1) % RECORDS;
  const forth = Math.floor((seq - 1) / RECORDS) % 2 === 0;
  const [from, to] = forth ? ['draft', 'pending_cancellation'] : ['pending_cancellation', 'draft'];
  return {
    id: randomUUID(),
    orgId,
    seq,
    at: new Date(START + seq * 10).toISOString(),
    actorId: 'bench-actor',
    actorName: 'Benchmark Actor',
    action: 'transition',
    recordType: 'deviation',
    recordId: recordIds[record],
    recordNumber: `DEV-2025-${String(record + 1).padStart(4, '0')}`,
    changes: [{ field: 'state', old: from, new: to }],
    reason: forth ? 'Benchmark: cancellation requested' : null,
    source: { client: 'bench', userAgent: null },
    stateFrom: from,
    stateTo: to,
  };
}

/**
 * The entries batch by batch: each with its canonical bytes (what is hashed) and its row.
 *
 * @param {(value: unknown) => string} canonicalJson
 */
function* chain(canonicalJson, orgId, recordIds) {
  let previousHash = GENESIS;
  for (let first = 1; first <= ENTRIES; first += BATCH) {
    const batch = [];
    for (let seq = first; seq < Math.min(first + BATCH, ENTRIES + 1); seq += 1) {
      const content = entryContent(orgId, recordIds, seq);
      const bytes = `${previousHash}\n${canonicalJson(content)}`;
      const hash = createHash('sha256').update(bytes).digest('hex');
      batch.push({ content, bytes, previousHash, hash });
      previousHash = hash;
    }
    yield batch;
  }
}

async function insertBatch(db, batch) {
  const values = [];
  const rows = batch.map((entry, index) => {
    const { content: c } = entry;
    values.push(
      c.id,
      c.orgId,
      c.seq,
      c.at,
      c.actorId,
      c.actorName,
      c.action,
      c.recordType,
      c.recordId,
      c.recordNumber,
      JSON.stringify(c.changes),
      c.reason,
      JSON.stringify(c.source),
      c.stateFrom,
      c.stateTo,
      entry.previousHash,
      entry.hash,
    );
    return `(${columns.map((_, column) => `$${index * columns.length + column + 1}`).join(', ')})`;
  });
  await db.query(`INSERT INTO audit_trail (${columns.join(', ')}) VALUES ${rows.join(', ')}`, values);
}

/** @param {import('./run.mjs').BenchContext} context */
export async function run(context) {
  if (!context.postgresUrl) return { figures: [], skipped: ['audit: PostgreSQL is not reachable'] };
  const { canonicalJson } = await loadCore();
  const { createPostgresStorage, verifyAuditChain } = await loadServerKit();
  const target = await context.freshDatabase('postgres', 'audit');
  const orgId = randomUUID();
  const recordIds = Array.from({ length: RECORDS }, () => randomUUID());

  // Write the chain; time the raw SHA-256 of every entry's bytes on the way (hashing only).
  const db = await openDirectDatabase(target);
  let rawSha256Ms = 0;
  let webCryptoMs = 0;
  let lastHash = GENESIS;
  let inserting = Promise.resolve();
  const started = Date.now();
  try {
    await db.query('INSERT INTO organizations (id, name) VALUES ($1, $2)', [orgId, 'Audit chain benchmark']);
    for (const batch of chain(canonicalJson, orgId, recordIds)) {
      let clock = performance.now();
      for (const entry of batch) createHash('sha256').update(entry.bytes).digest('hex');
      rawSha256Ms += performance.now() - clock;
      if (batch[0].content.seq <= WEB_CRYPTO_SAMPLE) {
        // WebCrypto, as core's sha256Hex hashes, a batch at a time as verifyAuditChain does.
        clock = performance.now();
        await Promise.all(
          batch.map((entry) => crypto.subtle.digest('SHA-256', new TextEncoder().encode(entry.bytes))),
        );
        webCryptoMs += performance.now() - clock;
      }
      // The next batch is made while this one is inserted.
      await inserting;
      inserting = insertBatch(db, batch);
      // Awaited on the next round; until then a failure must not count as unhandled.
      inserting.catch(() => undefined);
      lastHash = batch.at(-1).hash;
      if (batch[0].content.seq % 200_000 === 1 && batch[0].content.seq > 1) {
        context.log(`audit: ${batch[0].content.seq - 1} entries written`);
      }
    }
    await inserting;
    await db.query('INSERT INTO audit_chain_heads (org_id, seq, hash) VALUES ($1, $2, $3)', [
      orgId,
      ENTRIES,
      lastHash,
    ]);
    await db.query('ANALYZE audit_trail');
  } finally {
    await db.close();
  }
  const writeSeconds = (Date.now() - started) / 1000;

  context.log('audit: verifying');
  const storage = createPostgresStorage({ connectionString: target.databaseUrl });
  let verification;
  let verifyMs;
  try {
    const clock = performance.now();
    verification = await verifyAuditChain(storage.db, orgId);
    verifyMs = performance.now() - clock;
  } finally {
    await storage.close();
  }
  if (!verification.ok || verification.entries !== ENTRIES) {
    throw new Error(`The benchmark chain did not verify: ${JSON.stringify(verification)}`);
  }

  const perSecond = (ms) => ENTRIES / (ms / 1000);
  return {
    figures: [
      figure({
        name: 'audit.verify-1M',
        unit: 'entries/s',
        value: perSecond(verifyMs),
        baselineName: 'raw SHA-256 of the same bytes (node:crypto)',
        baseline: perSecond(rawSha256Ms),
        details: {
          verifySeconds: verifyMs / 1000,
          rawSha256Seconds: rawSha256Ms / 1000,
          webCryptoEntriesPerSecond: WEB_CRYPTO_SAMPLE / (webCryptoMs / 1000),
          entries: verification.entries,
        },
      }),
    ],
    writeSeconds,
    notes: [
      `verifyAuditChain (server-kit, as GET /audit-trail/verify runs it) over ${ENTRIES.toLocaleString('en-US')} entries of one organization on PostgreSQL, called in this process.`,
      'Baseline: node:crypto SHA-256 of exactly the bytes each entry hash covers, in the same process; webCryptoEntriesPerSecond is the same through crypto.subtle (what core uses), 2,000 at a time, over the first 100,000.',
      'Entries written with multi-row INSERTs, hashed as core does; their verification returning ok is part of the benchmark.',
    ],
  };
}
