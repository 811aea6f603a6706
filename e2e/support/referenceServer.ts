// The reference server as `pnpm start` runs it (embedded PGlite, demo seed, the built demo at `/`),
// on a free port and a fresh temporary database; only the argon2 cost is lowered.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createReferenceServer,
  createStorageFromConfig,
  seedDemoData,
} from '../../apps/reference-server/src/index';
import { freePort } from '../../apps/reference-server/src/testing/serverProcess';

type Logger = Parameters<typeof createReferenceServer>[0]['logger'];
// pino is the server's dependency, not the workspace root's: load it from the server's package.
const { pino } = createRequire(new URL('../../apps/reference-server/package.json', import.meta.url))(
  'pino',
) as {
  pino: (options: { level: string }) => Logger;
};

export const DEMO_DIR = fileURLToPath(new URL('../../apps/demo/dist', import.meta.url));
export { DEMO_PASSWORD } from '../../apps/reference-server/src/index';

export interface DemoServer {
  origin: string;
  close(): Promise<void>;
}

export async function startDemoServer(options: { sweepEveryMs?: number } = {}): Promise<DemoServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'masetra-e2e-'));
  // Always embedded, even where TEST_DATABASE_URL points the other suites at PostgreSQL.
  const storage = createStorageFromConfig({ dataDir, databaseUrl: undefined });
  // The port is chosen first: the links the server mails name it.
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await createReferenceServer({
    storage,
    jwtSecret: randomBytes(32),
    dataDir,
    demoDir: DEMO_DIR,
    logger: pino({ level: 'silent' }),
    authOptions: { passwordHashing: { memoryCost: 1024, timeCost: 1, parallelism: 1 } },
    loginRateLimit: 1000,
    // As `pnpm start` without SMTP: mail lands in the dev mailbox at /mailbox.
    mail: { publicUrl: origin, from: 'Masetra demo <no-reply@127.0.0.1>', devMailbox: true },
    // As `pnpm start` with MASETRA_WEBHOOKS_ALLOW_PRIVATE=true: the webhook test's receiver listens on loopback.
    webhooks: { allowPrivateAddresses: true },
  });
  await seedDemoData(server);
  // As `pnpm start` runs it: the outbox delivers notifications, the sweep makes documents effective.
  const stopBackgroundWork = server.startBackgroundWork({ sweepEveryMs: options.sweepEveryMs });
  const http: Server = await new Promise((resolve) => {
    const listening = server.app.listen(port, '127.0.0.1', () => resolve(listening));
  });
  return {
    origin,
    async close() {
      await stopBackgroundWork();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
