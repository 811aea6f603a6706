/** The built server and command line as separate processes, as `node dist/main.js` and `masetra` run them. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  process: ChildProcess;
  origin: string;
  exited: Promise<number | null>;
  /** What it wrote to stderr so far. */
  stderr(): string;
}

/** The environment of a process of ours: the caller's, without the settings a test must choose itself. */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const { MASETRA_SEED: _seed, MASETRA_PUBLIC_URL: _url, NODE_ENV: _mode, ...inherited } = process.env;
  return { ...inherited, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env };
}

/**
 * Starts `node dist/main.js` with `env`, on `env.PORT` or a free port. Resolves once it answers /healthz, or
 * once it exited (a refused start): then `origin` answers nothing and `exited` has its code.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [dist('main.js')], {
    env: environment({ PORT: String(port), HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      done = true;
      resolve(code);
    }),
  );
  const origin = `http://127.0.0.1:${port}`;
  // A first start on a fresh data directory creates the cluster: slow on a busy machine.
  for (let attempt = 0; attempt < 720 && !done; attempt++) {
    const healthy = await fetch(`${origin}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { process: child, origin, exited, stderr: () => stderr };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (done) return { process: child, origin, exited, stderr: () => stderr };
  child.kill('SIGKILL');
  throw new Error('the reference server did not become healthy in 180 s');
}

/** Runs `node dist/cli.js …args` to its end. */
export async function runCommandLine(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [dist('cli.js'), ...args], {
    env: environment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const code = await new Promise<number | null>((resolve) =>
    child.on('close', (exitCode) => resolve(exitCode)),
  );
  return { code, stdout, stderr };
}
