import {
  diffRecord,
  fieldIssuesOf,
  initialStateOf,
  type Principal,
  type RecordBase,
  type RecordType,
} from '@masetra/core';
import type { Transaction } from 'kysely';
import { problems } from '../http/problems';
import type { Database } from '../storage/database';
import { updateRecordIfVersion } from '../storage/records';
import { recordAuditedChange } from './auditedChange';
import type { DomainEvent } from './QmsOptions';

export interface UpdateRecordInput {
  principal: Principal;
  recordType: RecordType;
  current: RecordBase;
  expectedVersion: number;
  changes: Record<string, unknown>;
  reason?: string;
  source: Record<string, unknown> | null;
  now: Date;
}

/**
 * Changes fields of a record. Past its first state a change needs a reason (Annex 11 §9);
 * a finished record is not changed at all; the record type's own rules (a CAPA's locked
 * due dates) are asked; the write only lands on the version the caller read.
 */
export async function updateRecord(
  trx: Transaction<Database>,
  input: UpdateRecordInput,
): Promise<{ record: RecordBase; event: DomainEvent | null }> {
  const { recordType, current } = input;
  if (recordType.finalStates.includes(current.state)) {
    throw problems.conflict(
      `${current.number} is ${current.state} and can no longer be changed.`,
      'record_final',
    );
  }
  if (current.state !== initialStateOf(recordType) && !input.reason?.trim()) {
    throw problems.validation(
      `${current.number} is past ${initialStateOf(recordType)}: a change needs a reason.`,
      [{ pointer: '/reason', detail: 'A reason for the change is required.' }],
      'reason_required',
    );
  }
  const ruleIssues = recordType.validateChange?.(current as never, input.changes as never) ?? [];
  if (ruleIssues.length > 0) {
    throw problems.validation(
      'The change breaks a rule of this record type.',
      ruleIssues.map((issue) => ({
        pointer: `/changes${issue.pointer}`,
        detail: issue.detail,
      })),
    );
  }
  const merged = { ...current, ...input.changes };
  const checked = recordType.schema.safeParse(merged);
  if (!checked.success) {
    throw problems.validation(
      'The changed record would be invalid.',
      fieldIssuesOf(checked.error, '/changes'),
    );
  }
  const changes = diffRecord(current, merged);
  if (changes.length === 0) return { record: current, event: null };
  const at = input.now.toISOString();
  const next = { ...merged, version: current.version + 1, updatedAt: at } as RecordBase;
  const stored = await updateRecordIfVersion(trx, recordType, next, input.expectedVersion);
  if (!stored) throw problems.stale(current.version);
  const event = await recordAuditedChange(trx, {
    principal: input.principal,
    recordType,
    record: next,
    action: 'update',
    eventVerb: 'updated',
    changes,
    reason: input.reason ?? null,
    source: input.source,
    at,
  });
  return { record: next, event };
}
