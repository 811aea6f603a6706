/**
 * Scale benchmark, on PostgreSQL: list and search latency of the reference server with 10,000
 * deviations, then with 1,000,000, in one organization. Each figure is the p50 at a million
 * against the p50 at ten thousand: keyset paging and the indexes should keep it near 1. The
 * rows are bulk-loaded with SQL in the shape the server writes (lib/bulkDeviations.mjs).
 */
import { join } from 'node:path';
import { login } from './lib/api.mjs';
import { insertDeviations, seededAcme, withSecondaryIndexesRebuilt } from './lib/bulkDeviations.mjs';
import { openDirectDatabase } from './lib/directDatabase.mjs';
import { runLoad } from './lib/loadGenerator.mjs';
import { startReferenceServer } from './lib/referenceServerProcess.mjs';
import { figure } from './lib/results.mjs';
import { demoUsers } from './lib/seededData.mjs';

const SMALL = 10_000;
const LARGE = 1_000_000;
const CONNECTIONS = 4;
const WARM_UP_SECONDS = 1;
const SECONDS = 5;
const API = '/api/v1';

/**
 * A `?q=` page as one plain query, left to PostgreSQL's planner, for EXPLAIN: it shows why the
 * kit does not run it so (for a rare term the planner walks the whole creation-time index).
 * The kit counts the matches first and sorts them when they are few (server-kit listRecords.ts).
 */
const searchSql = `select "id", "org_id", "number", "state", "version", "owner_id", "created_by", "created_at", "updated_at", "state_before_cancellation", "data", created_at as "sort_value" from "deviations" where "org_id" = $1 and search @@ websearch_to_tsquery('simple', $2) order by created_at desc, "id" desc limit $3`;

/** What each figure asks; `cursor` is a keyset cursor to the middle of the list. */
const queries = {
  list: () => '/deviations?limit=50',
  'list-middle-page': (cursor) => `/deviations?limit=50&cursor=${cursor}`,
  'filter-state': () => '/deviations?state=in_investigation&limit=50',
  'sort-severity': () => '/deviations?sort=-severity&limit=50',
  'q-10%': () => '/deviations?q=contamination&limit=50',
  'q-0.1%': () => '/deviations?q=gasket&limit=50',
  'q-one-row': () => '/deviations?q=L5000&limit=50',
};

/** A cursor to the row halfway down the default order (-createdAt), as the kit encodes one. */
async function middleCursor(db, orgId) {
  const [{ count }] = await db.query('SELECT count(*)::int AS count FROM deviations WHERE org_id = $1', [
    orgId,
  ]);
  const [row] = await db.query(
    'SELECT id, created_at FROM deviations WHERE org_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1',
    [orgId, Math.floor(count / 2)],
  );
  const position = { s: '-createdAt', v: new Date(row.created_at).toISOString(), i: row.id };
  return { count, cursor: Buffer.from(JSON.stringify(position)).toString('base64url') };
}

async function explainSearch(db, orgId, term) {
  const [
    {
      'QUERY PLAN': [plan],
    },
  ] = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${searchSql}`, [orgId, term, 51]);
  const nodes = [];
  const walk = (node) => {
    nodes.push(node['Index Name'] ? `${node['Node Type']} on ${node['Index Name']}` : node['Node Type']);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan.Plan);
  return { executionMs: plan['Execution Time'], plan: nodes.join(' > ') };
}

async function measure(server, token, db, orgId, log) {
  const { count, cursor } = await middleCursor(db, orgId);
  const headers = { authorization: `Bearer ${token}` };
  const results = {};
  for (const [name, path] of Object.entries(queries)) {
    const url = `${server.origin}${API}${path(cursor)}`;
    const probe = await fetch(url, { headers });
    const page = await probe.json();
    if (probe.status !== 200 || page.items.length === 0) {
      throw new Error(
        `${name}: ${probe.status} with ${page.items?.length} items: ${JSON.stringify(page).slice(0, 200)}`,
      );
    }
    await runLoad({ url, connections: CONNECTIONS, duration: WARM_UP_SECONDS, headers });
    results[name] = {
      ...(await runLoad({ url, connections: CONNECTIONS, duration: SECONDS, headers })),
      items: page.items.length,
    };
    log(`scale: ${count} rows: ${name} p50 ${results[name].p50} ms`);
  }
  const plans = {};
  for (const term of ['contamination', 'gasket', 'L5000']) plans[term] = await explainSearch(db, orgId, term);
  return { count, results, plans };
}

/** @param {import('./run.mjs').BenchContext} context */
export async function run(context) {
  if (!context.postgresUrl) return { figures: [], skipped: ['scale: PostgreSQL is not reachable'] };
  const target = await context.freshDatabase('postgres', 'scale');
  const db = await openDirectDatabase(target);
  // Session settings for the bulk load and index builds only.
  await db.query("SET maintenance_work_mem = '512MB'");
  const { orgId, ownerIds, seeded } = await seededAcme(db);

  const server = await startReferenceServer({
    ...target,
    jwtSecret: context.jwtSecret,
    logFile: join(target.dataDir, 'server.log'),
  });
  let small;
  let large;
  const timings = {};
  try {
    const { accessToken } = await login(server.apiUrl, demoUsers.qa);
    let started = Date.now();
    await insertDeviations(db, { orgId, ownerIds, from: 1, to: SMALL - seeded });
    await db.query('ANALYZE deviations');
    timings.load10kSeconds = (Date.now() - started) / 1000;
    small = await measure(server, accessToken, db, orgId, context.log);

    context.log('scale: loading 990,000 more deviations with SQL');
    started = Date.now();
    const rebuilt = await withSecondaryIndexesRebuilt(db, 'deviations', () =>
      insertDeviations(db, {
        orgId,
        ownerIds,
        from: SMALL - seeded + 1,
        to: LARGE - seeded,
        onChunk: (done) => done % 200_000 < 50_000 && context.log(`scale: ${done} rows`),
      }),
    );
    timings.load990kSeconds = (Date.now() - started) / 1000;
    timings.insert990kSeconds = rebuilt.loadSeconds;
    timings.rebuildIndexesSeconds = rebuilt.indexSeconds;
    large = await measure(server, accessToken, db, orgId, context.log);
  } finally {
    await server.stop();
    await db.close();
  }

  const figures = Object.keys(queries).map((name) =>
    figure({
      name: `scale.${name}`,
      unit: 'ms',
      value: large.results[name].p50,
      baselineName: `p50 at ${small.count.toLocaleString('en-US')} rows`,
      baseline: small.results[name].p50,
      details: {
        p50: large.results[name].p50,
        p99: large.results[name].p99,
        rps: large.results[name].rps,
        errors: large.results[name].errors,
        non2xx: large.results[name].non2xx,
        at10k: { p50: small.results[name].p50, p99: small.results[name].p99, rps: small.results[name].rps },
      },
    }),
  );
  return {
    figures,
    rows: { small: small.count, large: large.count },
    plannerAlonePlans: { small: small.plans, large: large.plans },
    timings,
    notes: [
      `Figures are p50 latency (ms) with ${LARGE.toLocaleString('en-US')} deviations against p50 with ${SMALL.toLocaleString('en-US')}, in one organization; ratio ≈ 1 means flat.`,
      `autocannon, ${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up then ${SECONDS} s per query, through the reference server on PostgreSQL.`,
      'Rows bulk-loaded with SQL in the shape the server writes (lib/bulkDeviations.mjs), secondary indexes rebuilt after the 990,000, then ANALYZE; no audit entries for them.',
      'q-10% matches one deviation in ten, q-0.1% one in a thousand, q-one-row exactly one; plannerAlonePlans holds EXPLAIN ANALYZE of the same page as one plain query left to the planner, which the kit no longer runs for rare terms.',
    ],
  };
}
