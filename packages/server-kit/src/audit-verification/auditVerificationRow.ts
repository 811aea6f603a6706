import type { AuditChainVerification, AuditVerification, AuditVerificationStatus } from '@masetra/core';
import type { Selectable } from 'kysely';
import type { AuditVerificationsTable } from '../storage/database';
import { toIsoString } from '../storage/timestamps';

/** A stored verification job as the API speaks of it. */
export function fromAuditVerificationRow(row: Selectable<AuditVerificationsTable>): AuditVerification {
  return {
    id: row.id,
    status: row.status as AuditVerificationStatus,
    requestedBy: row.requested_by,
    requestedAt: toIsoString(row.requested_at),
    startedAt: row.started_at ? toIsoString(row.started_at) : null,
    finishedAt: row.finished_at ? toIsoString(row.finished_at) : null,
    entriesVerified: Number(row.entries_verified),
    entriesTotal: row.entries_total === null ? null : Number(row.entries_total),
    result: (row.result as AuditChainVerification | null) ?? null,
  };
}
