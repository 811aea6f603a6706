// An example host as its README runs it: built, then started on a free port with a fresh
// embedded database, stopped after the test file.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface HostProcess {
  origin: string;
  /** What the host printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs `pnpm run <script>` in the example's folder and waits for it to end. */
export async function runScript(
  dir: string,
  script: string,
  env: Record<string, string> = {},
): Promise<void> {
  await promisify(execFile)('pnpm', ['run', script], {
    cwd: dir,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Starts `pnpm start` in `dir` on a free port (PORT) and a fresh data directory
 * (MASETRA_DATA_DIR), and waits until `ready` answers.
 */
export async function startHost(
  dir: string,
  options: { readyPath: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<HostProcess> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'masetra-example-'));
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn('pnpm', ['start'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), MASETRA_DATA_DIR: dataDir, DATABASE_URL: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The process group: pnpm and the server it started.
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const answered = await fetch(`${origin}${options.readyPath}`).then(
      (response) => response.status < 500,
      () => false,
    );
    if (answered) return { origin, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`The host in ${dir} did not start:\n${output}`);
}
