import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  port: number;
  host: string;
  /** PGlite data directory and attachment store, unless `databaseUrl` is set. */
  dataDir: string;
  databaseUrl?: string;
  jwtSecret: Uint8Array;
  /** The built demo app served at `/`, when present. */
  demoDir: string;
  seedDemoData: boolean;
  logLevel: string;
}

/**
 * The HS256 key must be the same in every process and survive restarts (or every session
 * ends at a restart). Take it from the environment; for the evaluator's one-command start,
 * make one once and keep it beside the data, readable by the owner only.
 */
function jwtSecretFrom(env: NodeJS.ProcessEnv, dataDir: string): Uint8Array {
  if (env.MASETRA_JWT_SECRET) return Buffer.from(env.MASETRA_JWT_SECRET, 'base64');
  const file = join(dataDir, 'jwt-secret');
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    mkdirSync(dirname(file), { recursive: true });
    const secret = randomBytes(48);
    writeFileSync(file, secret.toString('base64'), { mode: 0o600 });
    return secret;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const here = dirname(fileURLToPath(import.meta.url));
  const dataDir = resolve(env.MASETRA_DATA_DIR ?? '.data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    jwtSecret: jwtSecretFrom(env, dataDir),
    demoDir: resolve(env.MASETRA_DEMO_DIR ?? join(here, '../../demo/dist')),
    seedDemoData: env.MASETRA_SEED !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
