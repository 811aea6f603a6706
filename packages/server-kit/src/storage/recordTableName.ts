import type { RecordType } from '@masetra/core';

/** Tables of the fixed schema, which no record type's collection may shadow. */
const fixedTables = new Set([
  'organizations',
  'users',
  'roles',
  'user_roles',
  'audit_trail',
  'audit_chain_heads',
  'signatures',
  'attachments',
  'comments',
  'notifications',
  'outbox',
  'idempotency_keys',
  'record_counters',
  'masetra_migration',
  'masetra_migration_lock',
  'saved_reports',
]);

/**
 * The table of a record type: its collection with `-` as `_` (`change-controls` ->
 * `change_controls`). Checked strictly because it is spliced into DDL.
 */
export function recordTableName(recordType: Pick<RecordType, 'name' | 'collection'>): string {
  const table = recordType.collection.replaceAll('-', '_');
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(table)) {
    throw new Error(
      `Record type ${recordType.name}: collection ${recordType.collection} cannot name a table`,
    );
  }
  if (fixedTables.has(table)) {
    throw new Error(
      `Record type ${recordType.name}: collection ${recordType.collection} clashes with a fixed table`,
    );
  }
  return table;
}
