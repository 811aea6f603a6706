import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage } from '@masetra/server-kit';
import { createTestStorage } from '@masetra/server-kit/testing';
import { type Logger, pino } from 'pino';
import {
  createReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
} from '../createReferenceServer';
import { seedDemoData } from '../seed/seedDemoData';

export interface RunningReferenceServer extends ReferenceServer {
  origin: string;
  apiUrl: string;
  close(): Promise<void>;
}

/**
 * The reference server as `pnpm start` runs it, listening on a free port, on a fresh test
 * database (PGlite, or PostgreSQL with TEST_DATABASE_URL), seeded through the API. Only the
 * argon2 cost is lowered, so the suite stays fast.
 */
export async function startReferenceServer(
  options: {
    seed?: boolean;
    storage?: Storage;
    /** Where the server logs; silent when left out. */
    logger?: Logger;
    /** A movable clock and the like, over the light argon2 cost. */
    authOptions?: ReferenceServerOptions['authOptions'];
    /** How invitations and reset links go out (an SMTP server in the test process). */
    mail?: ReferenceServerOptions['mail'];
    /** Rate limits, trusted proxies and TOTP keys, as `main` passes them from the environment. */
    server?: Partial<
      Pick<
        ReferenceServerOptions,
        | 'loginRateLimit'
        | 'redisUrl'
        | 'rateLimitKeyPrefix'
        | 'trustProxy'
        | 'totpKeys'
        | 'jwtSecret'
        | 'amqpUrl'
        | 'webhooks'
      >
    >;
  } = {},
): Promise<RunningReferenceServer> {
  const storage = options.storage ?? (await createTestStorage());
  const dataDir = await mkdtemp(join(tmpdir(), 'masetra-ref-'));
  const server = await createReferenceServer({
    storage,
    jwtSecret: randomBytes(32),
    dataDir,
    logger: options.logger ?? pino({ level: 'silent' }),
    authOptions: {
      passwordHashing: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
      ...options.authOptions,
    },
    loginRateLimit: 1000,
    mail: options.mail,
    ...options.server,
  });
  if (options.seed !== false) await seedDemoData(server);
  const http: Server = await new Promise((resolve) => {
    const listening = server.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    ...server,
    origin,
    apiUrl: `${origin}/api/v1`,
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.rateLimits.close();
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
