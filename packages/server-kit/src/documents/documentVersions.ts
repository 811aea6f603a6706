import type { ControlledDocument, RecordType } from '@masetra/core';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import { asRecordDatabase, recordColumns } from '../storage/recordDatabase';
import { fromRecordRow } from '../storage/recordRow';
import { recordTableName } from '../storage/recordTableName';
import { versionInWorkStates } from './ensureDocumentTable';

/** Every version of a document number in an organization, oldest first. */
export async function versionsOf(
  db: Kysely<Database>,
  recordType: RecordType,
  orgId: string,
  number: string,
  options: { inWorkOnly?: boolean } = {},
): Promise<ControlledDocument[]> {
  const rows = await asRecordDatabase(db)
    .selectFrom(recordTableName(recordType))
    .select(recordColumns)
    .where('org_id', '=', orgId)
    .where('number', '=', number)
    .$if(!!options.inWorkOnly, (query) => query.where('state', 'in', [...versionInWorkStates]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => fromRecordRow(recordType, row) as ControlledDocument);
}
