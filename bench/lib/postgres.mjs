/**
 * Databases of our own on the PostgreSQL server the caller names: created per benchmark or
 * fault test (`<prefix>_<pid>_<label>`, so a leftover of a killed run is recognisable) and
 * dropped after.
 */
import { loadPg } from './workspace.mjs';

/** The URL of another database on the same server. */
export function databaseUrl(baseUrl, database) {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` with one connected client, and always disconnects. */
export async function withClient(url, work) {
  const { Client } = loadPg();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function isReachable(url) {
  try {
    await withClient(url, (client) => client.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

const plainName = /^[a-z_][a-z0-9_]{0,62}$/;

function assertPlainName(name) {
  if (!plainName.test(name)) throw new Error(`${name} is not a plain database name`);
  return name;
}

/**
 * A database name owned by one run: `<prefix>_<pid>_<label>`, where pid is the process
 * that drops it (the run's main process), so a leftover of a killed run is recognisable.
 */
export function ownDatabaseName(prefix, label, ownerPid = process.pid) {
  return assertPlainName(`${prefix}_${ownerPid}_${label}`.toLowerCase().replace(/[^a-z0-9_]/g, '_'));
}

export async function createDatabase(baseUrl, name, { template } = {}) {
  assertPlainName(name);
  await withClient(baseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    if (template) {
      assertPlainName(template);
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } else {
      await client.query(`CREATE DATABASE "${name}"`);
    }
  });
  return databaseUrl(baseUrl, name);
}

export async function dropDatabase(baseUrl, name) {
  assertPlainName(name);
  await withClient(baseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function databasesOf(baseUrl, prefix) {
  assertPlainName(prefix);
  const { rows } = await withClient(baseUrl, (client) =>
    client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}\\_%`]),
  );
  return rows.map(({ datname }) => ({
    name: datname,
    ownerPid: Number(datname.slice(prefix.length + 1).split('_')[0]),
  }));
}

/** Drops the databases `<prefix>_<ownerPid>_*` of one run, templates last. */
export async function dropDatabasesOf(baseUrl, prefix, ownerPid = process.pid) {
  const owned = (await databasesOf(baseUrl, prefix)).filter((database) => database.ownerPid === ownerPid);
  owned.sort((a, b) => Number(a.name.endsWith('_template')) - Number(b.name.endsWith('_template')));
  for (const { name } of owned) await dropDatabase(baseUrl, name);
}

/** Drops databases `<prefix>_<pid>_*` whose process is gone: leftovers of a killed run. */
export async function dropStaleDatabases(baseUrl, prefix) {
  for (const { name, ownerPid } of await databasesOf(baseUrl, prefix)) {
    if (Number.isInteger(ownerPid) && ownerPid > 0 && ownerPid !== process.pid && !processAlive(ownerPid)) {
      await dropDatabase(baseUrl, name);
    }
  }
}
