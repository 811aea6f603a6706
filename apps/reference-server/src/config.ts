import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the server puts into an empty database at start: nothing, or the published demo organizations. */
export type SeedMode = 'none' | 'demo';

/** A setting the server cannot start with; `main` prints the message and exits. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface ServerConfig {
  port: number;
  host: string;
  /** PGlite data directory and attachment store, unless `databaseUrl` is set. */
  dataDir: string;
  databaseUrl?: string;
  /** The schema owner's connection, for migrations only; the server then runs as `databaseUrl`'s role. */
  databaseMigrationUrl?: string;
  jwtSecret: Uint8Array;
  /** The built demo app served at `/`, when present. */
  demoDir: string;
  /**
   * `demo` only when `MASETRA_SEED=demo` (as `pnpm start` sets it): demo accounts with a
   * published password never appear in a deployment by default.
   */
  seed: SeedMode;
  /** Where people reach the server, for the links it hands out (account set-up). */
  publicUrl: string;
  /** `MASETRA_SMTP_URL`: the SMTP server of invitations and reset links (`smtp://host:port`, `smtps://…`). */
  smtpUrl?: string;
  /** `MASETRA_MAIL_FROM`: their sender; `Masetra <no-reply@host of publicUrl>` when unset. */
  mailFrom: string;
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

/**
 * `MASETRA_SEED`: unset (or `false`, as it was once spelled) seeds nothing; `demo` seeds the demo
 * organizations, and is refused where `NODE_ENV=production`: their password is in the README.
 */
export function seedModeFrom(env: NodeJS.ProcessEnv): SeedMode {
  const value = env.MASETRA_SEED?.trim() ?? '';
  if (value === '' || value === 'false' || value === 'none') return 'none';
  if (value !== 'demo') {
    throw new ConfigError(
      `MASETRA_SEED=${value} is not known: set MASETRA_SEED=demo for the demo data, or leave it unset.`,
    );
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      'MASETRA_SEED=demo is refused with NODE_ENV=production: the demo accounts share a published password. ' +
        'Unset MASETRA_SEED, and create the first organization and its administrator with ' +
        '`masetra create-org --name "<organization>" --admin-email <e-mail>`.',
    );
  }
  return 'demo';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const here = dirname(fileURLToPath(import.meta.url));
  const dataDir = resolve(env.MASETRA_DATA_DIR ?? '.data');
  const seed = seedModeFrom(env);
  const port = Number(env.PORT ?? 3000);
  const publicUrl = (env.MASETRA_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    jwtSecret: jwtSecretFrom(env, dataDir),
    demoDir: resolve(env.MASETRA_DEMO_DIR ?? join(here, '../../demo/dist')),
    seed,
    publicUrl,
    smtpUrl: env.MASETRA_SMTP_URL || undefined,
    mailFrom: env.MASETRA_MAIL_FROM || `Masetra <no-reply@${new URL(publicUrl).hostname}>`,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
