/**
 * Report benchmark (issue 14): 1,000,000 deviations of one organization, on PostgreSQL. A report
 * through the kit (`GET /reports/deviations?groupBy=…&metric=count`, as a host mounts the kit,
 * body read and parsed) against the same GROUP BY run as bare SQL on a plain `pg` client. Target:
 * within 1.2× the bare SQL. The rows are bulk-loaded with SQL in the shape the server writes
 * (lib/bulkDeviations.mjs). `BENCH_REPORT_ROWS` changes the row count for a quick try.
 */
import { insertDeviations, withSecondaryIndexesRebuilt } from './lib/bulkDeviations.mjs';
import { openDirectDatabase } from './lib/directDatabase.mjs';
import { figure } from './lib/results.mjs';
import { loadCore, loadServerKit } from './lib/workspace.mjs';

const ROWS = Number(process.env.BENCH_REPORT_ROWS ?? 1_000_000);
const RATIO_TARGET = 1.2;
const RUNS = 7;
const ORG_ID = 'org-report-bench';
const OWNERS = ['olivia', 'ian', 'quinn'];

/**
 * Each figure: the report's query string, and the GROUP BY a person would write by hand for the
 * same answer (the kit's is the same statement; it sorts the handful of groups itself).
 */
const reports = {
  'severity-count': {
    query: 'groupBy=severity&metric=count',
    sql: `SELECT data->>'severity' AS key, count(*) AS count FROM deviations WHERE org_id = $1 GROUP BY 1`,
  },
  'state-count': {
    query: 'groupBy=state&metric=count',
    sql: 'SELECT state AS key, count(*) AS count FROM deviations WHERE org_id = $1 GROUP BY 1',
  },
  'month-count-major': {
    query: 'groupBy=month&metric=count&severity=major',
    sql: `SELECT to_char(date_trunc('month', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS key, count(*) AS count
          FROM deviations WHERE org_id = $1 AND (data->>'severity') IN ('major') GROUP BY 1`,
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The report as the kit answers it, parsed. */
async function throughKit(qms, query) {
  const started = performance.now();
  const response = await qms(new Request(`http://bench.invalid/reports/deviations?${query}`));
  if (response.status !== 200)
    throw new Error(`report answered ${response.status}: ${await response.text()}`);
  const body = await response.json();
  return { ms: performance.now() - started, body };
}

async function bareSql(db, text) {
  const started = performance.now();
  const rows = await db.query(text, [ORG_ID]);
  return { ms: performance.now() - started, rows };
}

/** @param {import('./run.mjs').BenchContext} context */
export async function run(context) {
  if (!context.postgresUrl) return { figures: [], skipped: ['report: PostgreSQL is not reachable'] };
  const [core, serverKit] = await Promise.all([loadCore(), loadServerKit()]);
  const target = { databaseUrl: await context.emptyPostgresDatabase('report') };
  const storage = await serverKit.createPostgresStorage({ connectionString: target.databaseUrl });
  await storage.migrate(core.builtInRegistry);
  const db = await openDirectDatabase(target);
  const measured = {};
  try {
    await db.query("SET maintenance_work_mem = '512MB'");
    context.log(`report: loading ${ROWS.toLocaleString('en-US')} deviations with SQL`);
    const load = await withSecondaryIndexesRebuilt(db, 'deviations', () =>
      insertDeviations(db, {
        orgId: ORG_ID,
        ownerIds: OWNERS,
        from: 1,
        to: ROWS,
        onChunk: (done) => done % 200_000 < 50_000 && context.log(`report: ${done} rows`),
      }),
    );
    await db.query('VACUUM ANALYZE deviations');
    measured.load = load;
    const principal = { userId: 'quinn', displayName: 'Quinn QA', orgId: ORG_ID, roles: ['qa_reviewer'] };
    const qms = serverKit.createQms({
      storage,
      authenticate: () => principal,
      verifySigner: () => ({ ok: false, code: 'invalid_credentials' }),
    });
    for (const [name, report] of Object.entries(reports)) {
      // Warm-up: the code paths, and the table in the database's cache for both.
      const warm = await throughKit(qms, report.query);
      const bare = await bareSql(db, report.sql);
      const total = warm.body.rows.reduce((sum, row) => sum + row.count, 0);
      const bareTotal = bare.rows.reduce((sum, row) => sum + Number(row.count), 0);
      if (total !== bareTotal || warm.body.rows.length !== bare.rows.length)
        throw new Error(
          `${name}: the kit counted ${total} in ${warm.body.rows.length} groups, SQL ${bareTotal} in ${bare.rows.length}`,
        );
      const ours = [];
      const baseline = [];
      // Alternated, so a change of the machine's load falls on both.
      for (let i = 0; i < RUNS; i += 1) {
        ours.push((await throughKit(qms, report.query)).ms);
        baseline.push((await bareSql(db, report.sql)).ms);
      }
      measured[name] = { ours, baseline, groups: bare.rows.length, total };
      context.log(`report: ${name} kit ${median(ours).toFixed(0)} ms, SQL ${median(baseline).toFixed(0)} ms`);
    }
  } finally {
    await db.close();
    await storage.close();
  }
  const figures = Object.keys(reports).map((name) =>
    figure({
      name: `report.${name}`,
      unit: 'ms',
      value: median(measured[name].ours),
      baselineName: 'same GROUP BY as bare SQL',
      baseline: median(measured[name].baseline),
      details: {
        rows: ROWS,
        groups: measured[name].groups,
        target: RATIO_TARGET,
        runs: measured[name].ours.map(Math.round),
        baselineRuns: measured[name].baseline.map(Math.round),
      },
    }),
  );
  return {
    figures,
    measured,
    notes: [
      `Median of ${RUNS} alternated runs over ${ROWS.toLocaleString('en-US')} deviations of one organization on PostgreSQL: the kit's report handler (GET /reports/deviations, called as a host mounts the kit, JSON body parsed) against the same GROUP BY on a plain pg client. Target ratio ≤ ${RATIO_TARGET}.`,
      'Rows bulk-loaded with SQL in the shape the server writes (lib/bulkDeviations.mjs), secondary indexes rebuilt after, then VACUUM ANALYZE.',
    ],
  };
}
