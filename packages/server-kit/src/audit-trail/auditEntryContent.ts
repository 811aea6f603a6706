import type { AuditTrailEntry } from '@masetra/core';

/**
 * Exactly what an entry's hash covers: every stored column but the hashes themselves. Built
 * the same way when appending and when verifying, from values as they come out of the
 * database, so any later edit of a column shows.
 */
export function auditEntryContent(
  entry: Omit<AuditTrailEntry, 'previousHash' | 'hash'>,
): Record<string, unknown> {
  return {
    id: entry.id,
    orgId: entry.orgId,
    seq: entry.seq,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    recordNumber: entry.recordNumber,
    changes: entry.changes,
    reason: entry.reason,
    source: entry.source,
    stateFrom: entry.stateFrom,
    stateTo: entry.stateTo,
  };
}
