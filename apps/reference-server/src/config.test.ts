/** The settings of issue #12: MASETRA_TOTP_KEY, MASETRA_TRUST_PROXY and REDIS_URL. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  amqpUrlFrom,
  ConfigError,
  loadConfig,
  parseTotpKeys,
  sessionMaxAgeFrom,
  trustProxyFrom,
} from './config';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'masetra-config-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const key = () => randomBytes(32).toString('base64');

describe('MASETRA_TOTP_KEY', () => {
  it('reads a ring of kid:base64 entries, the first current', () => {
    const [a, b] = [key(), key()];
    const ring = parseTotpKeys(` new2:${b}, old1:${a} `);
    expect(ring.map((entry) => entry.kid)).toEqual(['new2', 'old1']);
    expect(Buffer.from(ring[0]!.key).toString('base64')).toBe(b);
  });

  it('refuses a short key, a missing or bad kid, a kid twice and an empty value, saying how to fix it', () => {
    expect(() => parseTotpKeys(`k1:${randomBytes(16).toString('base64')}`)).toThrow(
      /at least 32 random bytes/,
    );
    expect(() => parseTotpKeys(key())).toThrow(ConfigError);
    expect(() => parseTotpKeys(`bad kid:${key()}`)).toThrow(/kid:base64/);
    expect(() => parseTotpKeys(`k1:${key()},k1:${key()}`)).toThrow(/twice/);
    expect(() => parseTotpKeys(' , ')).toThrow(/empty/);
  });

  it('is separate from the JWT secret: unset, one key is made once beside the data and kept', async () => {
    const env = { MASETRA_DATA_DIR: dataDir };
    const first = loadConfig(env).totpKeys;
    expect(first).toHaveLength(1);
    expect(await readFile(join(dataDir, 'totp-key'), 'utf8')).toMatch(/^local1:/);
    expect(loadConfig(env).totpKeys).toEqual(first);
    expect(Buffer.from(first[0]!.key).equals(Buffer.from(loadConfig(env).jwtSecret))).toBe(false);
  });

  it('stays with the JWT-derived key when only MASETRA_JWT_SECRET is given (replicas share no file)', () => {
    expect(loadConfig({ MASETRA_DATA_DIR: dataDir, MASETRA_JWT_SECRET: key() }).totpKeys).toEqual([]);
    const configured = loadConfig({
      MASETRA_DATA_DIR: dataDir,
      MASETRA_JWT_SECRET: key(),
      MASETRA_TOTP_KEY: `k9:${key()}`,
    });
    expect(configured.totpKeys.map((entry) => entry.kid)).toEqual(['k9']);
  });
});

describe('MASETRA_TRUST_PROXY and REDIS_URL', () => {
  it('hands Express what it understands', () => {
    expect(trustProxyFrom({})).toBe(false);
    expect(trustProxyFrom({ MASETRA_TRUST_PROXY: 'false' })).toBe(false);
    expect(trustProxyFrom({ MASETRA_TRUST_PROXY: 'true' })).toBe(true);
    expect(trustProxyFrom({ MASETRA_TRUST_PROXY: '2' })).toBe(2);
    expect(trustProxyFrom({ MASETRA_TRUST_PROXY: 'loopback, 10.0.0.0/8' })).toBe('loopback, 10.0.0.0/8');
  });

  it('reads REDIS_URL, and nothing when it is empty', () => {
    expect(loadConfig({ MASETRA_DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe(
      'redis://127.0.0.1:6379',
    );
    expect(loadConfig({ MASETRA_DATA_DIR: dataDir, REDIS_URL: '' }).redisUrl).toBeUndefined();
  });
});

describe('MASETRA_AMQP_URL', () => {
  it('is no broker when unset or empty, an amqp(s) URL when set, and refuses anything else', () => {
    expect(amqpUrlFrom({})).toBeUndefined();
    expect(amqpUrlFrom({ MASETRA_AMQP_URL: '  ' })).toBeUndefined();
    expect(amqpUrlFrom({ MASETRA_AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672' })).toBe(
      'amqp://guest:guest@127.0.0.1:5672',
    );
    expect(amqpUrlFrom({ MASETRA_AMQP_URL: 'amqps://user:secret@broker.example/vhost' })).toBe(
      'amqps://user:secret@broker.example/vhost',
    );
    for (const value of ['http://127.0.0.1:15672', 'rabbitmq:5672', 'not a url']) {
      expect(() => amqpUrlFrom({ MASETRA_AMQP_URL: value }), value).toThrow(ConfigError);
    }
  });
});

describe('MASETRA_SESSION_MAX_AGE_HOURS', () => {
  it('is 12 hours by default, takes hours, and refuses what is not a sensible lifetime', () => {
    expect(sessionMaxAgeFrom({})).toBe(43_200);
    expect(sessionMaxAgeFrom({ MASETRA_SESSION_MAX_AGE_HOURS: '8' })).toBe(28_800);
    expect(sessionMaxAgeFrom({ MASETRA_SESSION_MAX_AGE_HOURS: '0.5' })).toBe(1_800);
    for (const wrong of ['0', '-1', 'twelve', '1000']) {
      expect(() => sessionMaxAgeFrom({ MASETRA_SESSION_MAX_AGE_HOURS: wrong })).toThrow(ConfigError);
    }
    expect(loadConfig({ MASETRA_DATA_DIR: dataDir }).sessionMaxAgeSeconds).toBe(43_200);
  });
});
