import type { RecordTypeRegistry } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import { indexName } from '../storage/indexName';
import { recordTableName } from '../storage/recordTableName';
import { isControlledDocumentType } from './documentNumbers';

/** The states of a version still in work: at most one of them per document number. */
export const versionInWorkStates = ['draft', 'in_review', 'in_approval', 'approved'] as const;

/**
 * The documents table keeps one number for all versions of a document, so the number is not
 * unique per row there, unlike every other record table. Instead at most one version of a
 * number is in work at a time (a unique partial index, so two revisions started at once cannot
 * both land), and the versions of a number are read through their own index. Idempotent: run on
 * every start after the record tables are ensured.
 */
export async function ensureDocumentTable(db: Kysely<unknown>, registry: RecordTypeRegistry): Promise<void> {
  const recordType = registry.byCollection('documents');
  if (!recordType || !isControlledDocumentType(recordType)) return;
  const table = recordTableName(recordType);
  await sql`ALTER TABLE ${sql.id(table)} DROP CONSTRAINT IF EXISTS ${sql.id(`${table}_org_id_number_key`)}`.execute(
    db,
  );
  await sql`CREATE INDEX IF NOT EXISTS ${sql.id(indexName(table, 'versions'))}
    ON ${sql.id(table)} (org_id, number, created_at, id)`.execute(db);
  const inWork = sql.join(versionInWorkStates.map((state) => sql.lit(state)));
  await sql`CREATE UNIQUE INDEX IF NOT EXISTS ${sql.id(indexName(table, 'one_in_work'))}
    ON ${sql.id(table)} (org_id, number) WHERE state IN (${inWork})`.execute(db);
}
