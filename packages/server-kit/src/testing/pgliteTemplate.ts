/**
 * A migrated PGlite data directory image, cached on disk between test files: starting from it
 * takes about a second, where initdb and the migrations take several.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { RecordTypeRegistry } from '@masetra/core';
import { Kysely, PGliteDialect } from 'kysely';
import { migrateStorage } from '../storage/migrateStorage';
import { recordSortKeys } from '../storage/recordSortKeys';
import { recordTableName } from '../storage/recordTableName';

const cacheDirectory = join(tmpdir(), 'masetra-pglite-templates');

/** Source files (or, in a bundle, the bundle itself) whose change must invalidate the template. */
async function schemaSources(): Promise<string[]> {
  const here = fileURLToPath(import.meta.url);
  const storageDirectory = join(dirname(here), '..', 'storage');
  try {
    const names = await readdir(storageDirectory, { recursive: true });
    const sources = names.filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
    return Promise.all(sources.map((name) => readFile(join(storageDirectory, name), 'utf8')));
  } catch {
    return [await readFile(here, 'utf8')];
  }
}

async function templateKey(registry: RecordTypeRegistry): Promise<string> {
  const hash = createHash('sha256');
  hash.update(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (const source of await schemaSources()) hash.update(source);
  for (const type of registry.list) {
    hash.update(
      JSON.stringify([
        recordTableName(type),
        type.searchFields,
        type.filterFields,
        [...recordSortKeys(type).values()],
        type.parent ?? null,
      ]),
    );
  }
  return hash.digest('hex').slice(0, 32);
}

async function buildTemplate(registry: RecordTypeRegistry, path: string): Promise<Uint8Array<ArrayBuffer>> {
  const pglite = new PGlite();
  const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrateStorage(db, registry, 'public');
    const image = new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
    await mkdir(cacheDirectory, { recursive: true });
    // Older templates are of older sources; parallel test files each write whole files and rename.
    for (const name of await readdir(cacheDirectory)) {
      if (name.endsWith('.tar') && join(cacheDirectory, name) !== path)
        await rm(join(cacheDirectory, name), { force: true });
    }
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, image);
    await rename(temporary, path);
    return image;
  } finally {
    await db.destroy();
  }
}

/** The image for this registry and these sources, built on first use. */
export async function pgliteTemplate(registry: RecordTypeRegistry): Promise<Blob> {
  const path = join(cacheDirectory, `${await templateKey(registry)}.tar`);
  const image = await readFile(path)
    .then((buffer) => new Uint8Array(buffer))
    .catch(() => buildTemplate(registry, path));
  return new Blob([image]);
}
