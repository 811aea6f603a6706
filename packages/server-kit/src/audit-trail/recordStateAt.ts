import { type AuditTrailEntry, recordWritingActions } from '@masetra/core';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import { toDate } from '../storage/timestamps';

/**
 * A record's field values as they stood at `at`, rebuilt from its audit trail alone (PART11
 * item 4): the create entry holds every initial value and each later entry the new value of
 * each field it changed, so replaying them up to `at` gives that moment's record. Null when
 * the record did not exist yet. A field whose new value is absent is dropped. Only the writes
 * of the record count: attachments, comments and signatures are not its fields. `recordAt`
 * rebuilds the whole record, its version included.
 */
export async function recordStateAt(
  db: Kysely<Database>,
  orgId: string,
  recordType: string,
  recordId: string,
  at: string | Date,
): Promise<Record<string, unknown> | null> {
  const entries = await db
    .selectFrom('audit_trail')
    .select(['changes', 'state_to'])
    .where('org_id', '=', orgId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('action', 'in', recordWritingActions)
    .where('at', '<=', toDate(at))
    .orderBy('seq')
    .execute();
  if (entries.length === 0) return null;
  const state: Record<string, unknown> = {};
  for (const entry of entries) {
    for (const change of entry.changes as AuditTrailEntry['changes']) {
      if ('new' in change) state[change.field] = change.new;
      else delete state[change.field];
    }
    if (entry.state_to !== null) state.state = entry.state_to;
  }
  return state;
}
