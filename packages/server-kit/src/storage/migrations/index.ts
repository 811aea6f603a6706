import type { Migration } from 'kysely/migration';
import * as foundation from './0001_foundation';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
};
