// Before the browser tests: build the demo, then start one reference server serving it, on a
// fresh embedded database, for every test file (each creates the records it moves).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser';
import { startDemoServer } from './referenceServer';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The packages the demo and the server run from their builds. */
const builtPackages = ['core', 'client', 'react', 'server-kit'];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** Packages whose build is missing or older than their source. */
function staleBuilds(): string[] {
  return builtPackages.filter((name) => {
    const built = join(root, 'packages', name, 'dist', 'index.js');
    return !existsSync(built) || newestChange(join(root, 'packages', name, 'src')) > statSync(built).mtimeMs;
  });
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium).`,
    );
  }
  if (process.env.MASETRA_E2E_SKIP_BUILD !== '1') {
    // In CI `pnpm test` has just built everything; run alone, the tests must not drive a stale build.
    const stale = staleBuilds();
    if (stale.length > 0) {
      execFileSync('pnpm', [...stale.flatMap((name) => ['--filter', `@masetra/${name}`]), 'build'], {
        cwd: root,
        stdio: 'inherit',
      });
    }
    execFileSync('pnpm', ['--filter', '@masetra/demo', 'build'], { cwd: root, stdio: 'inherit' });
  }
  const server = await startDemoServer({ sweepEveryMs: 1000 });
  project.provide('demoOrigin', server.origin);
  return () => server.close();
}
