/**
 * What a deployment starts with: nothing but what its operator creates. The demo seed only on
 * request and never in production; the first organization from `masetra create-org`.
 * Runs the built `dist/main.js` and `dist/cli.js`, on PGlite.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteStorage } from '@masetra/server-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, runCommandLine, type ServerProcess, startServerProcess } from './testing/serverProcess';

const secret = randomBytes(32).toString('base64');
const dataDirs: string[] = [];
const running: ServerProcess[] = [];
async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'masetra-startup-'));
  dataDirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const server of running.splice(0)) {
    server.process.kill('SIGTERM');
    await server.exited;
  }
  await Promise.all(dataDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function stop(server: ServerProcess): Promise<number | null> {
  server.process.kill('SIGTERM');
  running.splice(running.indexOf(server), 1);
  return server.exited;
}

describe('starting the reference server', () => {
  it('seeds nothing without MASETRA_SEED: no organization, no user, no demo password', async () => {
    const dataDir = await freshDataDir();
    const server = await startServerProcess({ MASETRA_DATA_DIR: dataDir, MASETRA_JWT_SECRET: secret });
    running.push(server);
    const demoLogin = await fetch(`${server.origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@acme.example', password: 'Masetra-demo-1' }),
    });
    expect(demoLogin.status).toBe(401);
    expect(await stop(server)).toBe(0);

    const storage = createPgliteStorage({ dataDir: join(dataDir, 'pglite') });
    try {
      expect(await storage.db.selectFrom('organizations').select('id').execute()).toEqual([]);
      expect(await storage.db.selectFrom('users').select('id').execute()).toEqual([]);
    } finally {
      await storage.close();
    }
  }, 400_000);

  it('refuses the demo seed with NODE_ENV=production, saying why and what to do instead', async () => {
    const server = await startServerProcess({
      MASETRA_DATA_DIR: await freshDataDir(),
      MASETRA_JWT_SECRET: secret,
      MASETRA_SEED: 'demo',
      NODE_ENV: 'production',
    });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain(
      'masetra: MASETRA_SEED=demo is refused with NODE_ENV=production: the demo accounts share a published password.',
    );
    expect(server.stderr()).toContain('masetra create-org --name');
  }, 240_000);
});

describe('masetra create-org, as an operator runs it', () => {
  it('prints a set-up link and no password; the link works once on the running server', async () => {
    const dataDir = await freshDataDir();
    const port = await freePort();
    const env = {
      MASETRA_DATA_DIR: dataDir,
      MASETRA_JWT_SECRET: secret,
      MASETRA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    const created = await runCommandLine(
      ['create-org', '--name', 'Acme Pharma', '--admin-email', 'qa-admin@acme.example'],
      env,
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const token = new RegExp(`^  http://127\\.0\\.0\\.1:${port}/setup#token=([A-Za-z0-9_-]{43})$`, 'm').exec(
      created.stdout,
    )?.[1];
    // 256 bits, base64url: the single-use link's secret.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Every line but the link is prose: no password, temporary or not, is printed.
    expect(created.stdout.split('\n').filter((line) => /[A-Za-z0-9_-]{20,}/.test(line))).toEqual([
      `  http://127.0.0.1:${port}/setup#token=${token}`,
    ]);

    const server = await startServerProcess({ ...env, PORT: String(port) });
    running.push(server);
    // The server holds the embedded database: a second process must not open it.
    const whileRunning = await runCommandLine(['setup-link', '--email', 'qa-admin@acme.example'], env);
    expect(whileRunning).toMatchObject({ code: 1 });
    expect(whileRunning.stderr).toContain('uses the embedded database');

    const setUp = (newPassword: string) =>
      fetch(`${server.origin}/api/v1/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, newPassword }),
      });
    const first = await setUp('Chosen-by-me-2026');
    expect(first.status).toBe(200);
    expect(((await first.json()) as { user: { roles: string[] } }).user.roles).toEqual(['admin']);
    expect((await setUp('Chosen-again-2026')).status).toBe(401);
  }, 400_000);

  it('explains its use, and refuses an unknown option', async () => {
    const help = await runCommandLine(['help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('create-org --name <organization> --admin-email <e-mail>');
    const wrong = await runCommandLine(['create-org', '--nmae', 'Acme'], {});
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("Unknown option '--nmae'");
  }, 240_000);
});
