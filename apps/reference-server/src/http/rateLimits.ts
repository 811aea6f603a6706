/**
 * Request rate limits of the public sign-in routes, per client address. The counters live in
 * Redis when `REDIS_URL` is set, so every replica behind a load balancer counts the same
 * requests; in memory otherwise (one process). The client address is Express's `req.ip`, which
 * honours `trust proxy` (`MASETRA_TRUST_PROXY`): behind a proxy it is the caller's address, not
 * the proxy's, and a forged `X-Forwarded-For` is ignored when no proxy is trusted.
 *
 * These limits slow guessing from one address; the per-account and per-(account, address)
 * backoff of the auth module (`failedAttempts.ts`) is what stops guessing one password.
 */
import type { Request, RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { sendProblem } from './sendProblem';

export interface RateLimitOptions {
  /** Attempts per client address and minute on the sign-in routes, before 429; default 20. */
  signInPerMinute?: number;
  /** `REDIS_URL`, e.g. `redis://127.0.0.1:6379`: shared counters. In memory when left out. */
  redisUrl?: string;
  /** Prefix of the Redis keys; default `masetra:rl`. Tests give each run its own. */
  keyPrefix?: string;
  /** Told when Redis cannot be reached (the limits then count in this process until it is back). */
  onStoreError?: (error: unknown) => void;
}

export interface RateLimits {
  /** The guard of `auth.login`, `auth.changePassword`, `auth.setUpAccount` and `auth.forgotPassword`. */
  signIn: RequestHandler;
  /** Where the counters are kept. */
  readonly store: 'redis' | 'memory';
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

const WINDOW_SECONDS = 60;

/**
 * The caller's address as Express sees it under `trust proxy`; never empty, so it is a usable
 * key, and never longer than an address (a header a misconfigured proxy passes on is no essay).
 */
export function clientAddress(request: Pick<Request, 'ip' | 'socket'>): string {
  return (request.ip ?? request.socket.remoteAddress ?? 'unknown').slice(0, 64);
}

function guard(limiter: RateLimiterMemory | RateLimiterRedis, points: number): RequestHandler {
  return (req, res, next) => {
    limiter.consume(clientAddress(req)).then(
      (result) => {
        res.set('RateLimit-Policy', `"sign-in";q=${points};w=${WINDOW_SECONDS}`);
        res.set(
          'RateLimit',
          `"sign-in";r=${result.remainingPoints};t=${Math.ceil(result.msBeforeNext / 1000)}`,
        );
        next();
      },
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) {
          // The store failed and no fallback answered: let the request through rather than
          // lock everyone out; the account lockout still holds.
          next();
          return;
        }
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        res.set('Retry-After', String(seconds));
        res.set('RateLimit-Policy', `"sign-in";q=${points};w=${WINDOW_SECONDS}`);
        res.set('RateLimit', `"sign-in";r=0;t=${seconds}`);
        sendProblem(res, {
          status: 429,
          title: 'Too many attempts',
          detail: `Wait ${seconds} seconds before trying again.`,
        });
      },
    );
  };
}

/**
 * The sign-in limits. With `redisUrl`, connects first (so the first requests are already counted
 * in Redis); while Redis cannot be reached, each process counts in memory (the insurance limiter).
 *
 * @example
 * ```ts
 * const limits = await createRateLimits({ redisUrl: process.env.REDIS_URL });
 * app.post('/api/v1/auth/login', limits.signIn, login);
 * ```
 */
export async function createRateLimits(options: RateLimitOptions = {}): Promise<RateLimits> {
  const points = options.signInPerMinute ?? 20;
  const keyPrefix = `${options.keyPrefix ?? 'masetra:rl'}:sign-in`;
  const memory = new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
  if (!options.redisUrl) {
    return { signIn: guard(memory, points), store: 'memory', close: async () => {} };
  }
  // No offline queue: a command while disconnected fails at once, and the insurance limiter answers.
  const client = new Redis(options.redisUrl, {
    enableOfflineQueue: false,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  client.on('error', (error) => options.onStoreError?.(error));
  try {
    await client.connect();
  } catch (error) {
    // Keeps retrying in the background; meanwhile the memory limiter counts.
    options.onStoreError?.(error);
  }
  const redis = new RateLimiterRedis({
    storeClient: client,
    keyPrefix,
    points,
    duration: WINDOW_SECONDS,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
  return {
    signIn: guard(redis, points),
    store: 'redis',
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
