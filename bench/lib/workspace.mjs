/**
 * Where the built workspace lives, and the packages the harness borrows from it. The root has
 * no dependency on our packages (pnpm keeps them out of its node_modules), so they are loaded
 * from their dist folders and their own dependencies from beside them.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const referenceServerMain = join(repoRoot, 'apps/reference-server/dist/main.js');

const fromServerKit = createRequire(join(repoRoot, 'packages/server-kit/package.json'));
const fromReferenceServer = createRequire(join(repoRoot, 'apps/reference-server/package.json'));

function distModule(relativePath) {
  const file = join(repoRoot, relativePath);
  if (!existsSync(file)) throw new Error(`${relativePath} is missing: run \`pnpm build\` first`);
  return import(pathToFileURL(file).href);
}

/** `@masetra/core` as built. */
export const loadCore = () => distModule('packages/core/dist/index.js');
/** `@masetra/server-kit` as built. */
export const loadServerKit = () => distModule('packages/server-kit/dist/index.js');

/** The `pg` driver server-kit uses. */
export const loadPg = () => fromServerKit('pg');
/** The `@electric-sql/pglite` build server-kit uses, so the data directory format matches. */
export const loadPglite = () => fromServerKit('@electric-sql/pglite');
/** The argon2 binding the reference server hashes passwords with. */
export const loadArgon2 = () => fromReferenceServer('@node-rs/argon2');

export function assertBuilt() {
  for (const file of [
    'packages/core/dist/index.js',
    'packages/server-kit/dist/index.js',
    'apps/reference-server/dist/main.js',
  ]) {
    if (!existsSync(join(repoRoot, file))) throw new Error(`${file} is missing: run \`pnpm build\` first`);
  }
}
