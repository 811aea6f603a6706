import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './seed/demoUsers';
import { startServerProcess } from './testing/serverProcess';

/** Starts `node dist/main.js` as `pnpm start` does (demo seed included), and waits until it answers /healthz. */
function startServer(dataDir: string, secret: string) {
  return startServerProcess({
    MASETRA_DATA_DIR: dataDir,
    MASETRA_JWT_SECRET: secret,
    // As `pnpm start` sets it: this test signs in as a demo user.
    MASETRA_SEED: 'demo',
  });
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
  }, 500_000);
});
