import {
  type AuditTrailEntry,
  type RebuildPoint,
  type RecordBase,
  rebuildRecord,
  recordWritingActions,
} from '@masetra/core';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import { toDate, toIsoString } from '../storage/timestamps';

/** Which record: the trail keys its entries by organization, record type name and id. */
export interface TrailRecordKey {
  orgId: string;
  recordType: string;
  recordId: string;
}

/**
 * A record as it stood at a moment (`asOf`) or at a version, rebuilt by core's `rebuildRecord`
 * from the record's audit-trail writes alone (PART11 item 4). Null when it did not exist yet at
 * that moment, or never had that version.
 */
export async function recordAt(
  db: Kysely<Database>,
  key: TrailRecordKey,
  point: RebuildPoint,
): Promise<(RecordBase & Record<string, unknown>) | null> {
  let query = db
    .selectFrom('audit_trail')
    .select(['action', 'at', 'changes', 'state_to'])
    .where('org_id', '=', key.orgId)
    .where('record_type', '=', key.recordType)
    .where('record_id', '=', key.recordId)
    .where('action', 'in', recordWritingActions);
  if ('asOf' in point) query = query.where('at', '<=', toDate(point.asOf));
  else query = query.limit(point.version);
  const rows = await query.orderBy('seq').execute();
  return rebuildRecord(
    rows.map((row) => ({
      action: row.action,
      at: toIsoString(row.at),
      changes: row.changes as AuditTrailEntry['changes'],
      stateTo: row.state_to,
    })),
    point,
  );
}
