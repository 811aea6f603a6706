import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './seed/demoUsers';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Running {
  process: ChildProcess;
  origin: string;
  exited: Promise<number | null>;
}

/** Starts `node dist/main.js` as `pnpm start` does (demo seed included), and waits until it answers /healthz. */
async function startServer(dataDir: string, secret: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MASETRA_DATA_DIR: dataDir,
      MASETRA_JWT_SECRET: secret,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      // As `pnpm start` sets it: this test signs in as a demo user.
      MASETRA_SEED: 'demo',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 240; attempt++) {
    const healthy = await fetch(`${origin}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { process: child, origin, exited };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error('the reference server did not become healthy in 60 s');
}

async function login(origin: string) {
  const response = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'originator@acme.example', password: DEMO_PASSWORD }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

let dataDir: string;
const secret = randomBytes(32).toString('base64');
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'masetra-process-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('the reference server process', () => {
  it('finishes in-flight writes on SIGTERM, exits cleanly, and keeps the data across a restart', async () => {
    const first = await startServer(dataDir, secret);
    const token = await login(first.origin);
    const create = (title: string) =>
      fetch(`${first.origin}/api/v1/deviations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      }).then(
        async (response) => (response.status === 201 ? ((await response.json()) as { id: string }).id : null),
        () => null,
      );
    const inFlight = Array.from({ length: 20 }, (_, index) => create(`Shutdown check ${index}`));
    await new Promise((resolve) => setTimeout(resolve, 30));
    first.process.kill('SIGTERM');
    const acknowledged = (await Promise.all(inFlight)).filter((id): id is string => id !== null);
    expect(await first.exited).toBe(0);

    const second = await startServer(dataDir, secret);
    try {
      const again = await login(second.origin);
      for (const id of acknowledged) {
        const response = await fetch(`${second.origin}/api/v1/deviations/${id}`, {
          headers: { authorization: `Bearer ${again}` },
        });
        expect(response.status).toBe(200);
      }
      const qaToken = await fetch(`${second.origin}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'qa@acme.example', password: DEMO_PASSWORD }),
      }).then(async (response) => ((await response.json()) as { accessToken: string }).accessToken);
      const verify = await fetch(`${second.origin}/api/v1/audit-trail/verify`, {
        headers: { authorization: `Bearer ${qaToken}` },
      });
      expect(await verify.json()).toMatchObject({ ok: true });
    } finally {
      second.process.kill('SIGTERM');
      await second.exited;
    }
  }, 180_000);
});
