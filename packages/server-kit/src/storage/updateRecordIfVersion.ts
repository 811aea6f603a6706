import type { RecordOf, RecordType } from '@masetra/core';
import type { Transaction } from 'kysely';
import type { Database } from './database';
import { asRecordDatabase, recordColumns, uuidPattern } from './recordDatabase';
import { fromRecordRow, toRecordRow } from './recordRow';
import { recordTableName } from './recordTableName';

/**
 * Writes a changed record if nobody changed it since `expectedVersion`: one atomic UPDATE
 * guarded by the version, so two concurrent writers cannot both win (no lost update). The
 * stored version becomes `expectedVersion + 1`, whatever `record.version` says. Returns the
 * stored record, or null when the version is stale (or the record is not the org's).
 * The id, org, number, creator and creation time never change.
 */
export async function updateRecordIfVersion<T extends RecordType>(
  trx: Transaction<Database>,
  recordType: T,
  record: RecordOf<T>,
  expectedVersion: number,
): Promise<RecordOf<T> | null> {
  if (!uuidPattern.test(record.id)) return null;
  const row = toRecordRow(recordType, record);
  const stored = await asRecordDatabase(trx)
    .updateTable(recordTableName(recordType))
    .set({
      state: row.state,
      version: expectedVersion + 1,
      owner_id: row.owner_id,
      updated_at: row.updated_at,
      state_before_cancellation: row.state_before_cancellation,
      title: row.title,
      data: row.data,
      ...(recordType.parent ? { parent_id: row.parent_id } : {}),
    })
    .where('id', '=', record.id)
    .where('org_id', '=', record.orgId)
    .where('version', '=', expectedVersion)
    .returning(recordColumns)
    .executeTakeFirst();
  return stored ? fromRecordRow(recordType, stored) : null;
}
