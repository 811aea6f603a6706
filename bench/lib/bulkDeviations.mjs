/**
 * Deviations written with SQL in bulk, in the shape the server writes them: the same columns,
 * UUIDv7 ids from the creation time, `DEV-<year>-<n>` numbers, the type's fields in `data`
 * (from which PostgreSQL generates the `search` column), and the year's counter moved past
 * them. Creating a million through the API would take hours on a small machine; this takes
 * minutes. No audit entries are written for them: the scale benchmark reads lists only.
 *
 * Row n (1-based) is made from n alone, so the 10,000 first rows are the same whether or not
 * the other 990,000 follow. Search terms of known frequency:
 * - `contamination` in every 10th title (10 %),
 * - `gasket` in every 1,000th title (0.1 %),
 * - `L<n>`, a lot number, in row n's description only (one row).
 */

/** Titles are made of three of these. */
const vocabulary = [
  'temperature',
  'excursion',
  'label',
  'mix-up',
  'filter',
  'integrity',
  'pressure',
  'alarm',
  'seal',
  'leak',
  'weighing',
  'error',
  'calibration',
  'overdue',
  'cleaning',
  'residue',
  'particle',
  'count',
  'humidity',
  'drift',
  'documentation',
  'gap',
  'sampling',
  'delay',
  'packaging',
  'damage',
  'batch',
  'record',
  'line',
  'clearance',
];

const states = [
  'draft',
  'in_assessment',
  'in_approval',
  'in_investigation',
  'in_final_approval',
  'closed',
  'cancelled',
  'pending_cancellation',
];

/** First creation time; row n is created n × 30 s later (a million rows span 2024). */
const EPOCH = '2024-01-01T00:00:00Z';

/**
 * The seeded organization the benchmarks load deviations into: its id, its users (the
 * owners of the loaded rows) and how many deviations the seed already made.
 *
 * @param {{ query: (text: string, params?: unknown[]) => Promise<Record<string, any>[]> }} db
 */
export async function seededAcme(db) {
  const [{ id: orgId }] = await db.query("SELECT id FROM organizations WHERE name = 'Acme Pharma'");
  const ownerIds = (await db.query('SELECT id FROM users WHERE org_id = $1', [orgId])).map((user) => user.id);
  const [{ seeded }] = await db.query('SELECT count(*)::int AS seeded FROM deviations WHERE org_id = $1', [
    orgId,
  ]);
  return { orgId, ownerIds, seeded };
}

/**
 * Inserts rows n = from..to (inclusive) for one organization, in statements of `chunk` rows.
 *
 * @param {{ query: (text: string, params?: unknown[]) => Promise<unknown[]> }} db
 * @param {{ orgId: string, ownerIds: string[], from: number, to: number, chunk?: number, onChunk?: (done: number) => void }} options
 */
export async function insertDeviations(db, { orgId, ownerIds, from, to, chunk = 50_000, onChunk }) {
  for (let start = from; start <= to; start += chunk) {
    const end = Math.min(to, start + chunk - 1);
    await db.query(
      `WITH rows AS (
         SELECT n,
                $3::timestamptz + n * interval '30 seconds' AS created_at,
                md5(n::text) AS h,
                ($4::text[])[1 + n % 30] || ' ' || ($4::text[])[1 + (n / 30) % 30] || ' ' || ($4::text[])[1 + (n / 900) % 30] AS words
         FROM generate_series($1::int, $2::int) AS n
       )
       INSERT INTO deviations (id, org_id, number, state, version, owner_id, created_by, created_at, updated_at,
                               state_before_cancellation, title, data)
       SELECT
         (lpad(to_hex(floor(extract(epoch FROM created_at) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid,
         $5,
         'DEV-' || extract(year FROM created_at AT TIME ZONE 'UTC')::int || '-' || lpad(n::text, greatest(4, length(n::text)), '0'),
         ($6::text[])[1 + n % 8],
         1 + n % 5,
         ($7::text[])[1 + n % array_length($7::text[], 1)],
         ($7::text[])[1 + n % array_length($7::text[], 1)],
         created_at,
         created_at + interval '1 hour',
         CASE WHEN n % 8 = 7 THEN 'in_assessment' END,
         title,
         jsonb_build_object(
           'title', title,
           'description', 'Found during the routine check of line ' || (n % 40) || ', lot L' || n || '.',
           'area', 'Area ' || (n % 12),
           'severity', (ARRAY['minor', 'major', 'critical'])[1 + n % 3],
           'occurredAt', to_char(created_at - interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'immediateActions', 'Line stopped; affected units quarantined.'
         )
       FROM (
         SELECT *, initcap(words) || CASE WHEN n % 10 = 0 THEN ' contamination' ELSE '' END
                                   || CASE WHEN n % 1000 = 7 THEN ' gasket' ELSE '' END AS title
         FROM rows
       ) titled`,
      [start, end, EPOCH, vocabulary, orgId, states, ownerIds],
    );
    onChunk?.(end);
  }
  // The counter goes past the numbers taken, as the server's own numbering would have left it.
  await db.query(
    `INSERT INTO record_counters (org_id, record_type, year, last_value)
     SELECT $1, 'deviation', extract(year FROM created_at AT TIME ZONE 'UTC')::int, max(split_part(number, '-', 3)::int)
     FROM deviations WHERE org_id = $1 AND number LIKE 'DEV-2024-%' GROUP BY 3
     ON CONFLICT (org_id, record_type, year) DO UPDATE SET last_value = excluded.last_value`,
    [orgId],
  );
}

/**
 * Runs `work` with the table's secondary indexes dropped, then builds them again from their
 * own definitions: loading a million rows and then indexing them is several times faster than
 * maintaining a GIN index row by row. The indexes that back constraints stay.
 *
 * @param {{ query: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]> }} db
 * @param {string} table
 * @param {() => Promise<void>} work
 */
export async function withSecondaryIndexesRebuilt(db, table, work) {
  const indexes = await db.query(
    `SELECT indexname, indexdef FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = $1
       AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass)`,
    [table],
  );
  for (const { indexname } of indexes) await db.query(`DROP INDEX "${indexname}"`);
  const started = Date.now();
  let loadedAt = started;
  try {
    await work();
    loadedAt = Date.now();
  } finally {
    for (const { indexdef } of indexes) await db.query(String(indexdef));
    await db.query(`ANALYZE "${table}"`);
  }
  return {
    indexes: indexes.map((index) => index.indexname),
    loadSeconds: (loadedAt - started) / 1000,
    indexSeconds: (Date.now() - loadedAt) / 1000,
  };
}
