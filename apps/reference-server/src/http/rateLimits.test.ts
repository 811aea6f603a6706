/**
 * The sign-in routes' limits per client address: counted in Redis when `REDIS_URL` is set, so
 * replicas share them, in memory otherwise; the client address honours `trust proxy` and only it.
 * Redis is the machine's (`TEST_REDIS_URL`, default redis://127.0.0.1:6379); every run uses keys
 * of its own.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type RunningReferenceServer, startReferenceServer } from '../testing/startReferenceServer';
import { createRateLimits } from './rateLimits';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const runPrefix = `masetra-test:${randomBytes(6).toString('hex')}`;

const running: RunningReferenceServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  // Leave nothing behind in the shared Redis.
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${runPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

async function serverWith(server: NonNullable<Parameters<typeof startReferenceServer>[0]>['server']) {
  const started = await startReferenceServer({ seed: false, server });
  running.push(started);
  return started;
}

function login(server: RunningReferenceServer, forwardedFor?: string) {
  return fetch(`${server.apiUrl}/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ email: 'nobody@example.com', password: 'not a real password' }),
  });
}

describe('sign-in rate limits', () => {
  it('answers 429 with Retry-After past the limit, and ignores a forged X-Forwarded-For when no proxy is trusted', async () => {
    const server = await serverWith({ loginRateLimit: 3 });
    expect(server.rateLimits.store).toBe('memory');
    for (let i = 0; i < 3; i++) expect((await login(server, `203.0.113.${i}`)).status).toBe(401);
    const limited = await login(server, '203.0.113.99');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await limited.json()).toMatchObject({ status: 429, title: 'Too many attempts' });
    // The other sign-in routes share the count.
    const forgot = await fetch(`${server.apiUrl}/auth/forgot-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.com' }),
    });
    expect(forgot.status).toBe(429);
  });

  it('counts per client as the trusted proxy names it (MASETRA_TRUST_PROXY)', async () => {
    const server = await serverWith({ loginRateLimit: 2, trustProxy: 'loopback' });
    expect((await login(server, '203.0.113.1')).status).toBe(401);
    expect((await login(server, '203.0.113.1')).status).toBe(401);
    expect((await login(server, '203.0.113.1')).status).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await login(server, '198.51.100.2')).status).toBe(401);
  });

  it('shares the count between two server instances through Redis', async () => {
    const keyPrefix = `${runPrefix}:shared`;
    const first = await serverWith({ loginRateLimit: 4, redisUrl: REDIS_URL, rateLimitKeyPrefix: keyPrefix });
    const second = await serverWith({
      loginRateLimit: 4,
      redisUrl: REDIS_URL,
      rateLimitKeyPrefix: keyPrefix,
    });
    expect([first.rateLimits.store, second.rateLimits.store]).toEqual(['redis', 'redis']);
    expect((await login(first)).status).toBe(401);
    expect((await login(second)).status).toBe(401);
    expect((await login(first)).status).toBe(401);
    expect((await login(second)).status).toBe(401);
    // Four in all: the fifth is refused by either instance.
    expect((await login(first)).status).toBe(429);
    expect((await login(second)).status).toBe(429);
    // The counter is Redis's, under the run's own prefix.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${keyPrefix}*`);
    await redis.quit();
    expect(keys).toHaveLength(1);
  });

  it('keeps counting in memory while Redis cannot be reached', async () => {
    const errors: unknown[] = [];
    const limits = await createRateLimits({
      signInPerMinute: 1,
      // Nothing listens on port 1: the connection is refused at once.
      redisUrl: 'redis://127.0.0.1:1',
      keyPrefix: `${runPrefix}:down`,
      onStoreError: (error) => errors.push(error),
    });
    try {
      const outcomes: number[] = [];
      for (let i = 0; i < 2; i++) {
        outcomes.push(
          await new Promise<number>((resolve) => {
            const res = {
              set: () => res,
              status: (code: number) => {
                resolve(code);
                return res;
              },
              type: () => res,
              send: () => res,
            };
            limits.signIn({ ip: '203.0.113.7', socket: {} } as never, res as never, () => resolve(200));
          }),
        );
      }
      expect(outcomes).toEqual([200, 429]);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await limits.close();
    }
  });
});
