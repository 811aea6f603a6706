/**
 * Export benchmark (issue 14): 100,000 deviations as an XLSX download through the kit
 * (`GET /deviations/export.xlsx`, read a page at a time by the list's keyset cursor, written by
 * exceljs's streaming writer and streamed out), against exceljs's streaming writer alone writing
 * the same rows, fetched beforehand, with the same columns and styles. Targets: within 1.5× the
 * writer alone, and resident memory growing less than 64 MB during the export.
 *
 * Measured in a child process of its own (this file with `--measure`), so its resident memory is
 * the export's alone; on PostgreSQL when reachable, else on PGlite (in the child's own memory).
 * `BENCH_EXPORT_ROWS` changes the row count for a quick try.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { insertDeviations } from './lib/bulkDeviations.mjs';
import { openDirectDatabase } from './lib/directDatabase.mjs';
import { figure } from './lib/results.mjs';
import { loadCore, loadServerKit, repoRoot } from './lib/workspace.mjs';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const RATIO_TARGET = 1.5;
const RSS_TARGET_MB = 64;
const ORG_ID = 'org-export-bench';
const OWNERS = ['olivia', 'ian', 'quinn'];
/** The export's default columns of a deviation, as the kit writes them. */
const COLUMNS = ['number', 'title', 'state', 'ownerId', 'createdAt', 'severity', 'area'];

/** @param {import('./run.mjs').BenchContext} context */
export async function run(context) {
  const backend = context.postgresUrl ? 'postgres' : 'pglite';
  const target =
    backend === 'postgres'
      ? { databaseUrl: await context.emptyPostgresDatabase('export') }
      : { dataDir: join(context.workDir, 'export-pglite') };
  if (target.dataDir) await mkdir(target.dataDir, { recursive: true });
  context.log(`export: ${ROWS.toLocaleString('en-US')} deviations on ${backend}, in a child process`);
  const stdout = await new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), '--measure', JSON.stringify(target)],
      { cwd: repoRoot, maxBuffer: 1024 * 1024, timeout: 30 * 60 * 1000 },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
    );
  });
  const measured = JSON.parse(stdout.trim().split('\n').at(-1));
  const figures = [
    figure({
      name: `export.${backend}.xlsx-100k`,
      unit: 'ms',
      value: measured.ours.ms,
      baselineName: 'exceljs streaming writer alone',
      baseline: measured.baseline.ms,
      details: {
        rows: ROWS,
        bytes: measured.ours.bytes,
        baselineBytes: measured.baseline.bytes,
        target: RATIO_TARGET,
      },
    }),
    figure({
      name: `export.${backend}.xlsx-rss-growth`,
      unit: 'MB',
      value: measured.ours.rssGrowthMb,
      baselineName: 'target',
      baseline: RSS_TARGET_MB,
      details: { rssBeforeMb: measured.ours.rssBeforeMb, rssPeakMb: measured.ours.rssPeakMb },
    }),
  ];
  return {
    figures,
    measured,
    notes: [
      `Time (best of ${measured.runs}) to export ${ROWS.toLocaleString('en-US')} deviations as XLSX through the kit's handler (GET /deviations/export.xlsx, default columns), body read to the end, against exceljs's WorkbookWriter alone writing the same rows (fetched before the clock starts) with the same columns, styles, frozen header and autofilter to a stream that discards them. Target ratio ≤ ${RATIO_TARGET}.`,
      `RSS growth: the child process's peak resident memory during the first export, sampled every 10 ms, minus its resident memory just before (after a GC). Target < ${RSS_TARGET_MB} MB; its ratio is against the target.`,
    ],
  };
}

/** A stream that takes everything and keeps nothing: the download's reader, or the baseline's file. */
function discard() {
  let bytes = 0;
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  return { stream, bytes: () => bytes };
}

const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Peak resident memory while `work` runs, sampled every 10 ms. */
async function withRssPeak(work) {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ...result, rssBeforeMb: mb(before), rssPeakMb: mb(peak), rssGrowthMb: mb(peak - before) };
  } finally {
    clearInterval(timer);
  }
}

async function openStorage(serverKit, target) {
  return target.databaseUrl
    ? serverKit.createPostgresStorage({ connectionString: target.databaseUrl })
    : serverKit.createPgliteStorage({ dataDir: join(target.dataDir, 'pglite') });
}

/** Our export: the kit's handler, as a host mounts it, with the response body read to the end. */
async function exportThroughKit(qms, query = '') {
  const started = performance.now();
  const response = await qms(new Request(`http://bench.invalid/deviations/export.xlsx${query}`));
  if (response.status !== 200)
    throw new Error(`export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  for await (const chunk of response.body) bytes += chunk.byteLength;
  return { ms: performance.now() - started, bytes };
}

/** The same rows, typed as the kit types them, read whole through the list before the baseline's clock starts. */
async function prefetchRows(qms) {
  const rows = [];
  let cursor = null;
  do {
    const query = `limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await (await qms(new Request(`http://bench.invalid/deviations?${query}`))).json();
    for (const record of page.items)
      rows.push(
        COLUMNS.map((column) => (column === 'createdAt' ? new Date(record[column]) : record[column])),
      );
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** exceljs's streaming writer alone, set up as the kit sets it up: the baseline. */
async function writerAlone(ExcelJS, rows) {
  const started = performance.now();
  const output = discard();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output.stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('deviations', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((header) => ({
    header,
    key: header,
    width: header === 'createdAt' ? 20 : 24,
    ...(header === 'createdAt' ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  if (!output.stream.writableFinished) await once(output.stream, 'finish');
  return { ms: performance.now() - started, bytes: output.bytes() };
}

async function measure(target) {
  const [core, serverKit] = await Promise.all([loadCore(), loadServerKit()]);
  const ExcelJS = createRequire(join(repoRoot, 'packages/server-kit/package.json'))('exceljs');
  // Migrate, then load the rows with SQL (PGlite is one client's at a time), then serve.
  let storage = await openStorage(serverKit, target);
  await storage.migrate(core.builtInRegistry);
  await storage.close();
  const db = await openDirectDatabase(target);
  await insertDeviations(db, { orgId: ORG_ID, ownerIds: OWNERS, from: 1, to: ROWS });
  await db.query('ANALYZE deviations');
  await db.close();
  storage = await openStorage(serverKit, target);
  const principal = { userId: 'quinn', displayName: 'Quinn QA', orgId: ORG_ID, roles: ['qa_reviewer'] };
  const qms = serverKit.createQms({
    storage,
    authenticate: () => principal,
    verifySigner: () => ({ ok: false, code: 'invalid_credentials' }),
  });
  // Warm-up: the handler's code paths and the database's caches, on a small export.
  await exportThroughKit(qms, '?severity=critical&q=gasket');
  await exportThroughKit(qms, '');
  const first = await withRssPeak(() => exportThroughKit(qms));
  const rows = await prefetchRows(qms);
  if (rows.length !== ROWS) throw new Error(`prefetched ${rows.length} rows, expected ${ROWS}`);
  await writerAlone(ExcelJS, rows.slice(0, 1000));
  const baselines = [await writerAlone(ExcelJS, rows)];
  const ours = [first];
  // Alternated, so a change of the machine's load falls on both.
  for (let i = 0; i < 2; i += 1) {
    ours.push(await exportThroughKit(qms));
    baselines.push(await writerAlone(ExcelJS, rows));
  }
  await storage.close();
  const best = (runs) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return {
    runs: ours.length,
    ours: { ...first, ms: best(ours).ms, all: ours.map((run) => Math.round(run.ms)) },
    baseline: { ...best(baselines), all: baselines.map((run) => Math.round(run.ms)) },
  };
}

if (process.argv[2] === '--measure') {
  const result = await measure(JSON.parse(process.argv[3]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
