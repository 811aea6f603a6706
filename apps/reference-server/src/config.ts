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
  /**
   * `MASETRA_TOTP_KEY`: the keys that seal TOTP secrets at rest, separate from the JWT secret,
   * as `kid:base64` entries separated by commas; the first seals, all open. Unset: one key kept
   * in `totp-key` beside the data (made once), like the JWT secret; empty (the key derived from
   * the JWT secret seals) when the JWT secret comes from `MASETRA_JWT_SECRET`.
   */
  totpKeys: TotpKeyConfig[];
  /** `MASETRA_TRUST_PROXY`, handed to Express's `trust proxy`: which proxies' `X-Forwarded-For` to believe. */
  trustProxy: boolean | number | string;
  /** `REDIS_URL`: the rate limits' shared counters; in memory when unset. */
  redisUrl?: string;
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
  /**
   * `MASETRA_AMQP_URL` (`amqp://user:password@host:5672/vhost`): every domain event is also
   * published to this RabbitMQ, topic exchange `masetra.events`; unset, no broker is used.
   */
  amqpUrl?: string;
  /** `MASETRA_WEBHOOKS_ALLOW_PRIVATE=true`: webhooks may reach loopback and private addresses (tests, a demo). */
  webhooksAllowPrivate: boolean;
  logLevel: string;
  /** `MASETRA_SESSION_MAX_AGE_HOURS`: a session's absolute lifetime, however active; 12 hours when unset. */
  sessionMaxAgeSeconds: number;
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

/** One entry of the TOTP key ring. */
export interface TotpKeyConfig {
  kid: string;
  key: Uint8Array;
}

const MIN_TOTP_KEY_BYTES = 32;
const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `MASETRA_TOTP_KEY` (`kid:base64[,kid:base64…]`); throws a {@link ConfigError} on a bad entry. */
export function parseTotpKeys(value: string): TotpKeyConfig[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0)
    throw new ConfigError('MASETRA_TOTP_KEY is empty: give at least one kid:base64 key.');
  const keys = entries.map((entry) => {
    const colon = entry.indexOf(':');
    const kid = colon > 0 ? entry.slice(0, colon) : '';
    if (!KID_PATTERN.test(kid)) {
      throw new ConfigError(
        'MASETRA_TOTP_KEY entries are kid:base64, the kid 1 to 32 letters, digits, - or _ (e.g. 2026a:' +
          '<32 random bytes in base64>; make one with `openssl rand -base64 32`).',
      );
    }
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.byteLength < MIN_TOTP_KEY_BYTES) {
      throw new ConfigError(
        `MASETRA_TOTP_KEY key "${kid}" has ${key.byteLength} bytes; at least ${MIN_TOTP_KEY_BYTES} random bytes are needed.`,
      );
    }
    return { kid, key: new Uint8Array(key) };
  });
  const kids = new Set(keys.map((key) => key.kid));
  if (kids.size !== keys.length) throw new ConfigError('MASETRA_TOTP_KEY names a kid twice.');
  return keys;
}

/**
 * The TOTP key ring from the environment. Unset, the server keeps one key beside the data
 * (made once, owner-readable), as it keeps the JWT secret, unless the JWT secret itself comes
 * from the environment: processes that share a database then share only what the environment
 * gives them, so the secrets stay sealed with the key derived from the JWT secret (an empty
 * ring), as before `MASETRA_TOTP_KEY` existed, rather than each process sealing with a key of
 * its own that the others cannot open. `main` warns about it.
 */
function totpKeysFrom(env: NodeJS.ProcessEnv, dataDir: string): TotpKeyConfig[] {
  if (env.MASETRA_TOTP_KEY?.trim()) return parseTotpKeys(env.MASETRA_TOTP_KEY);
  if (env.MASETRA_JWT_SECRET) return [];
  const file = join(dataDir, 'totp-key');
  try {
    return parseTotpKeys(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    mkdirSync(dirname(file), { recursive: true });
    const entry = `local1:${randomBytes(32).toString('base64')}`;
    writeFileSync(file, entry, { mode: 0o600 });
    return parseTotpKeys(entry);
  }
}

/**
 * `MASETRA_TRUST_PROXY`: unset or `false` trusts no proxy (the socket's address is the client's);
 * `true` trusts every hop; a number trusts that many hops; anything else is Express's list of
 * addresses, subnets or names (`loopback`, `10.0.0.0/8, 192.168.1.1`).
 */
export function trustProxyFrom(env: NodeJS.ProcessEnv): boolean | number | string {
  const value = env.MASETRA_TRUST_PROXY?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
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
    totpKeys: totpKeysFrom(env, dataDir),
    trustProxy: trustProxyFrom(env),
    redisUrl: env.REDIS_URL || undefined,
    demoDir: resolve(env.MASETRA_DEMO_DIR ?? join(here, '../../demo/dist')),
    seed,
    publicUrl,
    smtpUrl: env.MASETRA_SMTP_URL || undefined,
    mailFrom: env.MASETRA_MAIL_FROM || `Masetra <no-reply@${new URL(publicUrl).hostname}>`,
    amqpUrl: amqpUrlFrom(env),
    webhooksAllowPrivate: env.MASETRA_WEBHOOKS_ALLOW_PRIVATE?.trim().toLowerCase() === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionMaxAgeSeconds: sessionMaxAgeFrom(env),
  };
}

/** `MASETRA_SESSION_MAX_AGE_HOURS`: hours (fractions allowed) from 0.25 to 720; 12 when unset. */
export function sessionMaxAgeFrom(env: NodeJS.ProcessEnv): number {
  const value = env.MASETRA_SESSION_MAX_AGE_HOURS?.trim() ?? '';
  if (value === '') return 12 * 3600;
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours < 0.25 || hours > 720) {
    throw new ConfigError(
      `MASETRA_SESSION_MAX_AGE_HOURS=${value} is not a number of hours from 0.25 to 720 (e.g. 12).`,
    );
  }
  return Math.round(hours * 3600);
}

/** `MASETRA_AMQP_URL`: unset or empty, no broker; else an `amqp://` or `amqps://` URL. */
export function amqpUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.MASETRA_AMQP_URL?.trim() ?? '';
  if (value === '') return undefined;
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {}
  if (protocol !== 'amqp:' && protocol !== 'amqps:') {
    throw new ConfigError(
      'MASETRA_AMQP_URL is not an amqp:// or amqps:// URL (e.g. amqp://user:password@rabbitmq:5672/).',
    );
  }
  return value;
}
