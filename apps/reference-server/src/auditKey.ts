import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateAuditKeyPem } from '@masetra/server-kit';

/**
 * The Ed25519 key that signs audit checkpoints: `MASETRA_AUDIT_KEY` (PEM) when set, else
 * `audit-key.pem` in the data directory, made once and readable by the owner only. Either
 * way it never enters the database, so whoever controls the database cannot sign.
 */
export async function loadAuditKeyPem(dataDir: string, fromEnvironment?: string): Promise<string> {
  if (fromEnvironment?.trim()) return fromEnvironment.replace(/\\n/g, '\n');
  const file = join(dataDir, 'audit-key.pem');
  try {
    return await readFile(file, 'utf8');
  } catch {
    const pem = generateAuditKeyPem();
    // `wx`: two processes starting together on one data directory keep the first key.
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return readFile(file, 'utf8');
  }
}
