import type { Migration } from 'kysely/migration';
import * as foundation from './0001_foundation';
import * as appendOnlyFiles from './0002_append_only_files';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_append_only_files': appendOnlyFiles,
};
