import type { AuditTrailEntry } from '@masetra/core';
import type { Selectable } from 'kysely';
import type { AuditTrailTable } from '../storage/database';
import { toIsoString } from '../storage/timestamps';

/** A stored row as the entry the API speaks: camelCase, ISO time, seq as a number. */
export function fromAuditRow(row: Selectable<AuditTrailTable>): AuditTrailEntry {
  return {
    id: row.id,
    orgId: row.org_id,
    seq: Number(row.seq),
    at: toIsoString(row.at),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    recordNumber: row.record_number,
    changes: row.changes as AuditTrailEntry['changes'],
    reason: row.reason,
    source: row.source as AuditTrailEntry['source'],
    stateFrom: row.state_from,
    stateTo: row.state_to,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
