import type { RecordOf, RecordType } from '@masetra/core';
import type { Transaction } from 'kysely';
import type { Database } from './database';
import { asRecordDatabase, recordColumns } from './recordDatabase';
import { fromRecordRow, toRecordRow } from './recordRow';
import { recordTableName } from './recordTableName';

/**
 * Stores a new record. Takes a transaction because a record is never written without its
 * audit-trail entry (Part 11 §11.10(e)): the caller appends that in the same transaction.
 */
export async function insertRecord<T extends RecordType>(
  trx: Transaction<Database>,
  recordType: T,
  record: RecordOf<T>,
): Promise<RecordOf<T>> {
  const row = await asRecordDatabase(trx)
    .insertInto(recordTableName(recordType))
    .values(toRecordRow(recordType, record))
    .returning(recordColumns)
    .executeTakeFirstOrThrow();
  return fromRecordRow(recordType, row);
}
