import type { RecordType } from '@masetra/core';
import { sql, type Transaction } from 'kysely';
import type { Database } from './database';
import { toDate } from './timestamps';

/**
 * The next human number of a record type in an organization, per calendar year (UTC):
 * `DEV-2026-0001`. The counter row stays locked until the caller's transaction ends, so
 * numbers are unique, and a rolled-back transaction gives its number back: no gaps.
 */
export async function nextRecordNumber(
  trx: Transaction<Database>,
  orgId: string,
  recordType: Pick<RecordType, 'name' | 'numberPrefix'>,
  at: Date | string = new Date(),
): Promise<string> {
  const year = toDate(at).getUTCFullYear();
  const { last_value } = await trx
    .insertInto('record_counters')
    .values({ org_id: orgId, record_type: recordType.name, year, last_value: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['org_id', 'record_type', 'year'])
        .doUpdateSet({ last_value: sql<number>`record_counters.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return `${recordType.numberPrefix}-${year}-${String(last_value).padStart(4, '0')}`;
}
