// Before the examples' browser tests: Chromium is there, and the packages the examples import by
// their published names are built (in CI `pnpm build` has just built them).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from '../../e2e/support/browser';

const root = fileURLToPath(new URL('../..', import.meta.url));
const builtPackages = ['core', 'client', 'react', 'server-kit'];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

export default function setup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium).`,
    );
  }
  const stale = builtPackages.filter((name) => {
    const built = join(root, 'packages', name, 'dist', 'index.js');
    return !existsSync(built) || newestChange(join(root, 'packages', name, 'src')) > statSync(built).mtimeMs;
  });
  if (stale.length > 0) {
    execFileSync('pnpm', [...stale.flatMap((name) => ['--filter', `@masetra/${name}`]), 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
}
