import type { RecordOf, RecordType } from '@masetra/core';
import type { Kysely } from 'kysely';
import type { Database } from './database';
import { asRecordDatabase, recordColumns, uuidPattern } from './recordDatabase';
import { fromRecordRow } from './recordRow';
import { recordTableName } from './recordTableName';

/**
 * One record of an organization, or null: another organization's record is as absent as a
 * missing one, and so is an id that is no UUID at all.
 */
export async function findRecord<T extends RecordType>(
  db: Kysely<Database>,
  recordType: T,
  orgId: string,
  id: string,
): Promise<RecordOf<T> | null> {
  if (!uuidPattern.test(id)) return null;
  const row = await asRecordDatabase(db)
    .selectFrom(recordTableName(recordType))
    .select(recordColumns)
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? fromRecordRow(recordType, row) : null;
}
