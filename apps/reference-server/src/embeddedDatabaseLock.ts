/**
 * PGlite is one process's database: a second process opening the same data directory (a
 * second server, or `masetra create-org` while the server runs) would corrupt it. Whoever
 * opens it first leaves its process id beside it; the others refuse while that process lives.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config';

function isRunning(pid: number): boolean {
  // A container restarts its server as the same pid: a file naming this process is stale.
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims the embedded database in `dataDir` for this process; returns the release. */
export function claimEmbeddedDatabase(dataDir: string): () => void {
  const file = join(dataDir, 'pglite.pid');
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(file, 'utf8').trim());
  } catch {
    // No file: nobody holds it.
  }
  if (holder !== undefined && isRunning(holder)) {
    throw new ConfigError(
      `Another Masetra process (pid ${holder}) uses the embedded database in ${dataDir}. ` +
        'Stop it first, or use PostgreSQL (DATABASE_URL), which several processes share.',
    );
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
