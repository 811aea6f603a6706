import type { AuditTrailEntry } from '@masetra/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/database';
import type { TrailRecordKey } from './recordAt';

/** What a signature entry of the trail holds (transitionEffects writes it beside the move it signs). */
export interface RecordedSignature {
  recordVersion: number | null;
  contentHash: string | null;
}

/**
 * What the hash-chained audit trail recorded of a signature on this record when it was given,
 * or null when the trail holds no such signature on it: a signature row placed there behind the
 * application's back has no entry, because the trail refuses rewrites and the chain shows them.
 */
export async function recordedSignature(
  db: Kysely<Database>,
  key: TrailRecordKey,
  signatureId: string,
): Promise<RecordedSignature | null> {
  const entry = await db
    .selectFrom('audit_trail')
    .select('changes')
    .where('org_id', '=', key.orgId)
    .where('record_type', '=', key.recordType)
    .where('record_id', '=', key.recordId)
    .where('action', '=', 'signature')
    .where(sql<string>`changes -> 0 -> 'new' ->> 'signatureId'`, '=', signatureId)
    .orderBy('seq')
    .executeTakeFirst();
  if (!entry) return null;
  const recorded = (entry.changes as AuditTrailEntry['changes'])[0]?.new as
    | Partial<RecordedSignature>
    | undefined;
  return {
    recordVersion: typeof recorded?.recordVersion === 'number' ? recorded.recordVersion : null,
    contentHash: typeof recorded?.contentHash === 'string' ? recorded.contentHash : null,
  };
}
