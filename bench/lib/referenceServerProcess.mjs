/**
 * The reference server as a child process, started the way an operator starts it
 * (`node apps/reference-server/dist/main.js` and environment variables), listening on
 * 127.0.0.1 only. Every process started here is killed when this process exits, whatever
 * happened in between.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { referenceServerMain } from './workspace.mjs';

const running = new Set();
process.once('exit', () => {
  for (const child of running) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** A port nobody listens on right now (the kernel's pick). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process, in KiB, from /proc (0 once it has exited). */
export function rssKib(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Variables of ours that must not leak from the caller's environment into the server's. */
const controlled = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'TEST_DATABASE_URL',
  'MASETRA_DATA_DIR',
  'MASETRA_JWT_SECRET',
  'MASETRA_SEED',
  'MASETRA_DEMO_DIR',
  'LOG_LEVEL',
  'NODE_OPTIONS',
];

/**
 * @typedef {object} ServerProcess
 * @property {number} pid
 * @property {string} origin `http://127.0.0.1:<port>`
 * @property {string} apiUrl `<origin>/api/v1`
 * @property {() => number} rssKib
 * @property {() => boolean} alive
 * @property {() => Promise<void>} stop SIGTERM (graceful), SIGKILL after 15 s
 * @property {() => Promise<void>} kill SIGKILL, resolved once the process is gone
 * @property {(lines?: number) => string} logTail last lines of its log
 */

/**
 * Starts a node script that serves HTTP on 127.0.0.1:$PORT and waits for its `/healthz`.
 *
 * @param {object} options
 * @param {string} options.script
 * @param {Record<string, string>} options.env on top of the caller's, less {@link controlled}
 * @param {string} options.logFile where stdout and stderr go
 * @param {string[]} [options.nodeArgs] flags for node itself
 * @param {number} [options.startTimeoutMs] default 120 s
 * @returns {Promise<ServerProcess>}
 */
export async function startServerProcess(options) {
  const port = await freePort();
  const env = { ...process.env };
  for (const name of controlled) delete env[name];
  Object.assign(env, { PORT: String(port), HOST: '127.0.0.1' }, options.env);

  const log = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  running.add(child);
  let exited = false;
  const exit = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      running.delete(child);
      resolve({ code, signal });
    });
  });

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  for (;;) {
    if (exited) {
      throw new Error(`${options.script} exited during start:\n${tail(options.logFile)}`);
    }
    try {
      const health = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exit;
      throw new Error(`${options.script} did not become healthy in time:\n${tail(options.logFile)}`);
    }
    await sleep(100);
  }

  const waitGone = async (ms) =>
    exited || (await Promise.race([exit.then(() => true), sleep(ms).then(() => false)]));
  return {
    pid: child.pid,
    origin,
    apiUrl: `${origin}/api/v1`,
    rssKib: () => rssKib(child.pid),
    alive: () => !exited,
    logTail: (lines) => tail(options.logFile, lines),
    async kill() {
      if (exited) return;
      child.kill('SIGKILL');
      await exit;
    },
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      if (await waitGone(15_000)) return;
      child.kill('SIGKILL');
      await exit;
    },
  };
}

/**
 * Starts a reference server (`node apps/reference-server/dist/main.js`) and waits for `/healthz`.
 *
 * @param {object} options
 * @param {string} options.dataDir PGlite data and attachments (`MASETRA_DATA_DIR`)
 * @param {string} [options.databaseUrl] PostgreSQL instead of PGlite
 * @param {string} options.jwtSecret base64; share it between processes of one database
 * @param {boolean} [options.seed] seed the demo data on first start (default false)
 * @param {string} options.logFile where stdout and stderr go
 * @param {string} [options.logLevel] default `warn`
 * @param {string[]} [options.nodeArgs] flags for node itself
 * @param {number} [options.startTimeoutMs] default 120 s (a first start with seeding takes ~20 s)
 * @returns {Promise<ServerProcess>}
 */
export function startReferenceServer(options) {
  return startServerProcess({
    script: referenceServerMain,
    logFile: options.logFile,
    nodeArgs: options.nodeArgs,
    startTimeoutMs: options.startTimeoutMs,
    env: {
      MASETRA_DATA_DIR: options.dataDir,
      MASETRA_JWT_SECRET: options.jwtSecret,
      // The demo seed is opt-in, and refused in production: the seeding start (setup, not measured) runs in development.
      MASETRA_SEED: options.seed ? 'demo' : '',
      // The demo app is not under test; a missing folder keeps it unserved.
      MASETRA_DEMO_DIR: '/nonexistent',
      LOG_LEVEL: options.logLevel ?? 'warn',
      NODE_ENV: options.seed ? 'development' : 'production',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    },
  });
}
