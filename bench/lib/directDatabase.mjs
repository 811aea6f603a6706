/**
 * Plain SQL on a reference server's database, for setting up and for checking what is really
 * stored: a `pg` client on PostgreSQL, or PGlite on the server's data directory (only while
 * no server has it open: PGlite is one process's).
 */
import { join } from 'node:path';
import { loadPg, loadPglite } from './workspace.mjs';

/**
 * @typedef {object} DirectDatabase
 * @property {(text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>} query
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ databaseUrl?: string, dataDir?: string }} target a server's DATABASE_URL, or its MASETRA_DATA_DIR
 * @returns {Promise<DirectDatabase>}
 */
export async function openDirectDatabase(target) {
  if (target.databaseUrl) {
    const { Client } = loadPg();
    const client = new Client({ connectionString: target.databaseUrl });
    await client.connect();
    return {
      query: async (text, params) => (await client.query(text, params)).rows,
      close: () => client.end(),
    };
  }
  const { PGlite } = loadPglite();
  // The reference server keeps PGlite's files in <data dir>/pglite.
  const pglite = new PGlite(join(target.dataDir, 'pglite'));
  await pglite.waitReady;
  return {
    query: async (text, params) => (await pglite.query(text, params)).rows,
    close: () => pglite.close(),
  };
}
