import { type RecordOf, type RecordType, serverOwnedFields } from '@masetra/core';
import type { Insertable, Selectable } from 'kysely';
import type { RecordTable } from './database';
import { toJsonb } from './jsonb';
import { toDate, toIsoString } from './timestamps';

const baseFields = new Set<string>(serverOwnedFields);

/** The record's own fields, as the `data` column keeps them: only those its type declares. */
function dataOf(recordType: RecordType, record: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of Object.keys(recordType.fields)) {
    if (!baseFields.has(field) && record[field] !== undefined) data[field] = record[field];
  }
  return data;
}

function titleOf(recordType: RecordType, record: Record<string, unknown>): string | null {
  const title = record[recordType.titleField];
  return title === undefined || title === null ? null : String(title);
}

/** A record as its table's row. */
export function toRecordRow<T extends RecordType>(
  recordType: T,
  record: RecordOf<T>,
): Insertable<RecordTable> {
  const fields = record as Record<string, unknown>;
  const row: Insertable<RecordTable> = {
    id: record.id,
    org_id: record.orgId,
    number: record.number,
    state: record.state,
    version: record.version,
    owner_id: record.ownerId,
    created_by: record.createdBy,
    created_at: toDate(record.createdAt),
    updated_at: toDate(record.updatedAt),
    state_before_cancellation: record.stateBeforeCancellation ?? null,
    title: titleOf(recordType, fields),
    data: toJsonb(dataOf(recordType, fields)),
  };
  if (recordType.parent) {
    const parentId = fields[recordType.parent.foreignKey];
    row.parent_id = typeof parentId === 'string' ? parentId : null;
  }
  return row;
}

type StoredRow = Pick<
  Selectable<RecordTable>,
  | 'id'
  | 'org_id'
  | 'number'
  | 'state'
  | 'version'
  | 'owner_id'
  | 'created_by'
  | 'created_at'
  | 'updated_at'
  | 'state_before_cancellation'
  | 'data'
>;

/** A row as the core record shape: base fields, then the type's own fields spread. */
export function fromRecordRow<T extends RecordType>(recordType: T, row: StoredRow): RecordOf<T> {
  return {
    ...row.data,
    id: row.id,
    orgId: row.org_id,
    type: recordType.name,
    number: row.number,
    state: row.state,
    version: row.version,
    ownerId: row.owner_id,
    createdBy: row.created_by,
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
    stateBeforeCancellation: row.state_before_cancellation,
  } as RecordOf<T>;
}
