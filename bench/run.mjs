/**
 * `pnpm bench`: the benchmarks, one after another, each writing bench/results/<name>.json and
 * printing one line per figure — an absolute number and its ratio to a baseline measured in
 * the same run. `node bench/run.mjs api scale` runs some of them.
 *
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test;
 * the benchmarks make their own databases there (masetra_bench_<pid>_*) and drop them after.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDatabase,
  dropDatabasesOf,
  dropStaleDatabases,
  isReachable,
  ownDatabaseName,
} from './lib/postgres.mjs';
import { summaryLine, writeResult } from './lib/results.mjs';
import {
  copyPgliteTemplate,
  copyPostgresTemplate,
  newJwtSecret,
  seedPgliteTemplate,
  seedPostgresTemplate,
} from './lib/seededData.mjs';
import { assertBuilt } from './lib/workspace.mjs';

const benchmarks = {
  api: () => import('./api.mjs'),
  scale: () => import('./scale.mjs'),
  audit: () => import('./auditChain.mjs'),
  export: () => import('./export.mjs'),
  report: () => import('./report.mjs'),
  ui: () => import('./ui.mjs'),
};
const DATABASE_PREFIX = 'masetra_bench';

/**
 * @typedef {object} BenchContext
 * @property {string} workDir a temporary folder of this run
 * @property {string} jwtSecret shared by every server of the run
 * @property {('pglite' | 'postgres')[]} backends the ones available
 * @property {string | null} postgresUrl a database on the server, to make others beside it
 * @property {(backend: 'pglite' | 'postgres', label: string) => Promise<{ dataDir: string, databaseUrl?: string }>} freshDatabase
 *   a copy of the seeded demo data
 * @property {(label: string) => Promise<string>} emptyPostgresDatabase a new empty database's URL
 * @property {(line: string) => void} log progress, to stderr
 */

async function main() {
  const started = Date.now();
  const names = process.argv.slice(2);
  for (const name of names)
    if (!(name in benchmarks)) throw new Error(`No benchmark ${name}: ${Object.keys(benchmarks).join(', ')}`);
  assertBuilt();

  const workDir = await mkdtemp(join(tmpdir(), 'masetra-bench-'));
  const jwtSecret = newJwtSecret();
  const candidate =
    process.env.BENCH_DATABASE_URL ||
    process.env.TEST_DATABASE_URL ||
    'postgres://postgres@127.0.0.1:5432/test';
  const postgresUrl = (await isReachable(candidate)) ? candidate : null;
  const log = (line) => process.stderr.write(`  … ${line}\n`);

  const cleanup = async () => {
    if (postgresUrl) await dropDatabasesOf(postgresUrl, DATABASE_PREFIX).catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: cleaning up\n`);
      // Exiting kills every server process this run started (lib/referenceServerProcess.mjs).
      cleanup().finally(() => process.exit(130));
    });
  }

  const templates = {};
  const template = (backend) => {
    templates[backend] ??=
      backend === 'pglite'
        ? seedPgliteTemplate(join(workDir, 'template-pglite'), {
            jwtSecret,
            logFile: join(workDir, 'template-pglite.log'),
          }).then(() => join(workDir, 'template-pglite'))
        : seedPostgresTemplate(postgresUrl, ownDatabaseName(DATABASE_PREFIX, 'template'), {
            jwtSecret,
            dataDir: join(workDir, 'template-postgres'),
            logFile: join(workDir, 'template-postgres.log'),
          }).then(() => ownDatabaseName(DATABASE_PREFIX, 'template'));
    return templates[backend];
  };
  let copies = 0;
  /** @type {BenchContext} */
  const context = {
    workDir,
    jwtSecret,
    postgresUrl,
    backends: postgresUrl ? ['pglite', 'postgres'] : ['pglite'],
    log,
    async freshDatabase(backend, label) {
      const dataDir = join(workDir, `${label}-${++copies}`);
      if (backend === 'pglite')
        return { dataDir: await copyPgliteTemplate(await template('pglite'), dataDir) };
      await mkdir(dataDir, { recursive: true });
      const databaseUrl = await copyPostgresTemplate(
        postgresUrl,
        await template('postgres'),
        ownDatabaseName(DATABASE_PREFIX, `${label}_${copies}`),
      );
      return { dataDir, databaseUrl };
    },
    emptyPostgresDatabase: (label) => createDatabase(postgresUrl, ownDatabaseName(DATABASE_PREFIX, label)),
  };

  let failed = false;
  try {
    if (postgresUrl) await dropStaleDatabases(postgresUrl, DATABASE_PREFIX);
    else console.log(`PostgreSQL at ${candidate} is not reachable: PostgreSQL figures are skipped.`);
    // Both seeded copies at once: it is mostly waiting on argon2 and the disk.
    await Promise.all(context.backends.map(template));
    for (const name of names.length > 0 ? names : Object.keys(benchmarks)) {
      const benchStarted = Date.now();
      console.log(`\n${name}`);
      try {
        const result = await (await benchmarks[name]()).run(context);
        const seconds = (Date.now() - benchStarted) / 1000;
        for (const line of result.figures.map(summaryLine)) console.log(line);
        for (const note of result.skipped ?? []) console.log(`skipped: ${note}`);
        const file = await writeResult(name, { ...result, seconds });
        console.log(`(${seconds.toFixed(0)} s; ${file})`);
      } catch (error) {
        failed = true;
        console.error(`${name} failed: ${error.stack ?? error}`);
      }
    }
  } finally {
    await cleanup();
  }
  console.log(`\npnpm bench: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(failed ? 1 : 0);
}

await main();
