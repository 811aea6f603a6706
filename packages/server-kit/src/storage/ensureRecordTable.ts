import type { RecordType } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import { dataFieldText } from './dataFieldSql';
import { indexName } from './indexName';
import { numberOrder, recordSortKeys } from './recordSortKeys';
import { recordTableName } from './recordTableName';

/** The search column's comment names the fields it covers, so a changed list rebuilds it. */
async function searchColumnFields(db: Kysely<unknown>, table: string): Promise<string | null | undefined> {
  const { rows } = await sql<{ fields: string | null }>`
    SELECT col_description(attrelid, attnum) AS fields FROM pg_attribute
    WHERE attrelid = to_regclass(${table}) AND attname = 'search' AND NOT attisdropped`.execute(db);
  return rows.length === 0 ? undefined : (rows[0]?.fields ?? null);
}

async function ensureSearchColumn(db: Kysely<unknown>, table: string, recordType: RecordType): Promise<void> {
  const fields = recordType.searchFields.join(',');
  const current = await searchColumnFields(db, table);
  if (current === fields) return;
  // The search column is derived data, so rebuilding it rewrites no history.
  if (current !== undefined) await sql`ALTER TABLE ${sql.id(table)} DROP COLUMN search`.execute(db);
  const document = recordType.searchFields
    .map((field) => `coalesce(${dataFieldText(field)}, '')`)
    .join(` || ' ' || `);
  await sql`ALTER TABLE ${sql.id(table)} ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', ${sql.raw(document || "''")})) STORED`.execute(db);
  await sql`COMMENT ON COLUMN ${sql.id(table, 'search')} IS ${sql.lit(fields)}`.execute(db);
}

async function createIndex(
  db: Kysely<unknown>,
  table: string,
  purpose: string,
  definition: string,
): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS ${sql.id(indexName(table, purpose))} ON ${sql.id(table)} ${sql.raw(definition)}`.execute(
    db,
  );
}

/**
 * Creates or completes the table of one record type. Additive and idempotent: run on every
 * start, it adds what a new version of the type needs and leaves existing rows alone.
 */
export async function ensureRecordTable(db: Kysely<unknown>, recordType: RecordType): Promise<void> {
  const table = recordTableName(recordType);
  await sql`CREATE TABLE IF NOT EXISTS ${sql.id(table)} (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    number text NOT NULL,
    state text NOT NULL,
    version integer NOT NULL,
    owner_id text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    state_before_cancellation text,
    title text,
    data jsonb NOT NULL DEFAULT '{}',
    UNIQUE (org_id, number)
  )`.execute(db);
  await ensureSearchColumn(db, table, recordType);
  await createIndex(db, table, 'search', 'USING gin (search)');
  await createIndex(db, table, 'created', '(org_id, created_at, id)');
  await createIndex(db, table, 'updated', '(org_id, updated_at, id)');
  // The `number` sort key pads numbers to one width (recordSortKeys); the id breaks ties.
  await createIndex(db, table, 'number_order', `(org_id, (${numberOrder}), id)`);
  // Tables made by earlier versions sorted numbers as text through this index; derived data, so dropped.
  await sql`DROP INDEX IF EXISTS ${sql.id(indexName(table, 'number'))}`.execute(db);
  await createIndex(db, table, 'state', '(org_id, state, created_at, id)');
  await createIndex(db, table, 'owner', '(org_id, owner_id, created_at, id)');
  if (recordType.parent) {
    await sql`ALTER TABLE ${sql.id(table)} ADD COLUMN IF NOT EXISTS parent_id uuid`.execute(db);
    await createIndex(db, table, 'parent', '(org_id, parent_id, state)');
  }
  for (const field of recordType.filterFields) {
    await createIndex(db, table, `filter_${field}`, `(org_id, ${dataFieldText(field)})`);
  }
  // A report groups by these; those that are filters too have their index already.
  for (const field of recordType.groupFields ?? []) {
    if ((recordType.filterFields as readonly string[]).includes(field)) continue;
    await createIndex(db, table, `filter_${field}`, `(org_id, ${dataFieldText(field)})`);
  }
  for (const key of recordSortKeys(recordType).values()) {
    if (key.expression.startsWith('coalesce')) {
      await createIndex(db, table, `sort_${key.name}`, `(org_id, (${key.expression}), id)`);
    }
  }
}
