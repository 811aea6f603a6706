// Builds the demo once before the browser tests, so they always drive the current app.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './browser';

const root = fileURLToPath(new URL('../..', import.meta.url));
const builtPackages = ['core', 'client', 'react', 'server-kit'].map(
  (name) => `${root}packages/${name}/dist/index.js`,
);

export default function setup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium).`);
  }
  if (process.env.MASETRA_E2E_SKIP_BUILD === '1') return;
  // `pnpm test` builds the packages first; a lone `pnpm test:e2e` on a fresh checkout must too.
  if (!builtPackages.every((file) => existsSync(file))) {
    execFileSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
  }
  execFileSync('pnpm', ['--filter', '@masetra/demo', 'build'], { cwd: root, stdio: 'inherit' });
}
