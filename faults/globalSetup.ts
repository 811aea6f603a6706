/**
 * Seeds the data every fault test starts from, once per run: a PGlite directory and, with
 * TEST_DATABASE_URL, a PostgreSQL template database. Tests copy them; teardown drops all.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropDatabasesOf, dropStaleDatabases, ownDatabaseName } from '../bench/lib/postgres.mjs';
import { newJwtSecret, seedPgliteTemplate, seedPostgresTemplate } from '../bench/lib/seededData.mjs';
import { assertBuilt } from '../bench/lib/workspace.mjs';
import { DATABASE_PREFIX, type FaultsContext } from './support/faultsContext';

export default async function setup(project: TestProject) {
  assertBuilt();
  const workDir = await mkdtemp(join(tmpdir(), 'masetra-faults-'));
  const jwtSecret = newJwtSecret();
  const baseUrl = process.env.TEST_DATABASE_URL || null;
  const runId = process.pid;

  const pgliteTemplate = join(workDir, 'template-pglite');
  const seeding: Promise<unknown>[] = [
    seedPgliteTemplate(pgliteTemplate, { jwtSecret, logFile: join(workDir, 'template-pglite.log') }),
  ];
  let postgres: FaultsContext['postgres'] = null;
  if (baseUrl) {
    await dropStaleDatabases(baseUrl, DATABASE_PREFIX);
    const template = ownDatabaseName(DATABASE_PREFIX, 'template', runId);
    postgres = { baseUrl, template };
    seeding.push(
      seedPostgresTemplate(baseUrl, template, {
        jwtSecret,
        dataDir: join(workDir, 'template-postgres'),
        logFile: join(workDir, 'template-postgres.log'),
      }),
    );
  } else {
    console.warn(
      '\nfaults: TEST_DATABASE_URL is not set, so the PostgreSQL fault tests are skipped ' +
        '(set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them).\n',
    );
  }

  const teardown = async () => {
    if (baseUrl) await dropDatabasesOf(baseUrl, DATABASE_PREFIX, runId).catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
  };
  const failed = (await Promise.allSettled(seeding)).find((outcome) => outcome.status === 'rejected');
  if (failed) {
    await teardown();
    throw failed.reason;
  }
  const context: FaultsContext = { workDir, jwtSecret, runId, pgliteTemplate, postgres };
  project.provide('faults', context);
  return teardown;
}
