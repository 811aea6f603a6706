import type { AuditTrailEntry, Principal, RecordBase, RecordType } from '@masetra/core';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { appendAuditEntry } from '../audit-trail/appendAuditEntry';
import { enqueueOutboxEvent } from '../outbox/enqueueOutboxEvent';
import type { Database } from '../storage/database';
import type { DomainEvent } from './QmsOptions';

export interface AuditedChange {
  principal: Principal;
  recordType: RecordType;
  record: RecordBase;
  /** `create`, `update`, `transition`, `signature`, `attachment`, `comment`. */
  action: string;
  /** The domain event's verb: `deviation.${verb}`. */
  eventVerb: string;
  changes: AuditTrailEntry['changes'];
  reason?: string | null;
  stateFrom?: string | null;
  stateTo?: string | null;
  source: Record<string, unknown> | null;
  at: string;
  data?: Record<string, unknown>;
}

/**
 * Writes what every mutation owes the compliance core, inside the mutation's own
 * transaction: the audit-trail entry (who, when, what, why) and the domain event in the
 * outbox. Either both commit with the change or nothing does.
 */
export async function recordAuditedChange(
  trx: Transaction<Database>,
  change: AuditedChange,
): Promise<DomainEvent> {
  await appendAuditEntry(trx, {
    orgId: change.principal.orgId,
    at: change.at,
    actorId: change.principal.userId,
    actorName: change.principal.displayName,
    action: change.action,
    recordType: change.recordType.name,
    recordId: change.record.id,
    recordNumber: change.record.number,
    changes: change.changes,
    reason: change.reason ?? null,
    source: change.source,
    stateFrom: change.stateFrom ?? null,
    stateTo: change.stateTo ?? null,
  });
  const event: DomainEvent = {
    id: uuidv7(),
    type: `${change.recordType.name}.${change.eventVerb}`,
    orgId: change.principal.orgId,
    recordType: change.recordType.name,
    recordId: change.record.id,
    recordNumber: change.record.number,
    actorId: change.principal.userId,
    at: change.at,
    data: {
      state: change.record.state,
      version: change.record.version,
      ownerId: change.record.ownerId,
      ...change.data,
    },
  };
  await enqueueOutboxEvent(trx, { orgId: event.orgId, type: event.type, payload: event });
  return event;
}
