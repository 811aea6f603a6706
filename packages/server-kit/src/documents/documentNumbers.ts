import {
  type DocumentKind,
  defaultDocumentNumberPrefixes,
  documentKinds,
  formatDocumentNumber,
  type RecordType,
} from '@masetra/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../storage/database';
import { nextRecordNumber } from '../storage/nextRecordNumber';
import { withDocumentTables } from './documentTables';

/** Whether a record type is the built-in controlled document, whose numbers document control gives. */
export function isControlledDocumentType(recordType: Pick<RecordType, 'name' | 'collection'>): boolean {
  return recordType.name === 'document' && recordType.collection === 'documents';
}

export interface KindPrefix {
  kind: DocumentKind;
  prefix: string;
  custom: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Every kind with the organization's prefix for it, the default where it set none. */
export async function documentKindPrefixes(db: Kysely<Database>, orgId: string): Promise<KindPrefix[]> {
  const rows = await withDocumentTables(db)
    .selectFrom('document_kind_prefixes')
    .selectAll()
    .where('org_id', '=', orgId)
    .execute();
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  return documentKinds.map((kind) => {
    const row = byKind.get(kind);
    return row
      ? {
          kind,
          prefix: row.prefix,
          custom: true,
          updatedBy: row.updated_by,
          updatedAt: new Date(row.updated_at).toISOString(),
        }
      : {
          kind,
          prefix: defaultDocumentNumberPrefixes[kind],
          custom: false,
          updatedBy: null,
          updatedAt: null,
        };
  });
}

/**
 * The next number of a new document of a kind: `<prefix>-0001`, counted per organization and
 * prefix. The counter row stays locked until the caller's transaction ends (an upsert takes the
 * row lock on PostgreSQL), so two creates never get one number, and a rolled-back create gives
 * its number back: no gaps.
 */
export async function nextDocumentNumber(
  trx: Transaction<Database>,
  orgId: string,
  kind: DocumentKind,
): Promise<string> {
  const prefixes = await documentKindPrefixes(trx, orgId);
  const prefix = prefixes.find((entry) => entry.kind === kind)?.prefix ?? defaultDocumentNumberPrefixes[kind];
  const { last_value } = await withDocumentTables(trx)
    .insertInto('document_number_counters')
    .values({ org_id: orgId, prefix, last_value: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['org_id', 'prefix'])
        .doUpdateSet({ last_value: sql<number>`document_number_counters.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return formatDocumentNumber(prefix, Number(last_value));
}

/**
 * The number of a newly created record: a controlled document's comes from its kind's prefix
 * (`SOP-0001`), every other type's from its own prefix and the year (`DEV-2026-0001`).
 */
export async function numberForNewRecord(
  trx: Transaction<Database>,
  orgId: string,
  recordType: RecordType,
  fields: Record<string, unknown>,
  now: Date,
): Promise<string> {
  if (!isControlledDocumentType(recordType)) return nextRecordNumber(trx, orgId, recordType, now);
  const kind = (documentKinds as readonly string[]).includes(fields.documentKind as string)
    ? (fields.documentKind as DocumentKind)
    : 'other';
  return nextDocumentNumber(trx, orgId, kind);
}
