import { diffRecord, initialStateOf, type Principal, type RecordBase, type RecordType } from '@masetra/core';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { numberForNewRecord } from '../documents/documentNumbers';
import { problems } from '../http/problems';
import type { Database } from '../storage/database';
import { findRecord, insertRecord } from '../storage/records';
import { recordAuditedChange } from './auditedChange';
import type { DomainEvent } from './QmsOptions';

export interface CreateRecordInput {
  principal: Principal;
  /** The number to give instead of a new one: a document's revision keeps its document's number. */
  number?: string;
  recordType: RecordType;
  fields: Record<string, unknown>;
  source: Record<string, unknown> | null;
  now: Date;
}

/** Checks that a child record (a finding) names a parent (an audit) of the same organization. */
async function assertParentExists(
  trx: Transaction<Database>,
  input: CreateRecordInput,
  parentType: RecordType | undefined,
) {
  const link = input.recordType.parent;
  if (!link || !parentType) return;
  const parentId = input.fields[link.foreignKey];
  const parent =
    typeof parentId === 'string' ? await findRecord(trx, parentType, input.principal.orgId, parentId) : null;
  if (!parent) {
    throw problems.validation(`No ${parentType.name} with that id.`, [
      { pointer: `/${link.foreignKey}`, detail: `No such ${parentType.name}.` },
    ]);
  }
}

/**
 * Creates a draft: numbers it, stores it, and writes the audit entry that records every
 * initial value (PART11 3) and the `created` event, all in the caller's transaction.
 */
export async function createRecord(
  trx: Transaction<Database>,
  input: CreateRecordInput,
  parentType?: RecordType,
): Promise<{ record: RecordBase; event: DomainEvent }> {
  await assertParentExists(trx, input, parentType);
  const at = input.now.toISOString();
  const { ownerId, ...fields } = input.fields as { ownerId?: string } & Record<string, unknown>;
  const record = {
    // The type's own starting values (a document's version `0.1`); a revision names its own label.
    ...input.recordType.initialValues,
    ...fields,
    id: uuidv7(),
    orgId: input.principal.orgId,
    type: input.recordType.name,
    number:
      input.number ??
      (await numberForNewRecord(trx, input.principal.orgId, input.recordType, fields, input.now)),
    state: initialStateOf(input.recordType),
    version: 1,
    ownerId: ownerId ?? input.principal.userId,
    createdBy: input.principal.userId,
    createdAt: at,
    updatedAt: at,
    stateBeforeCancellation: null,
  } satisfies RecordBase;
  await insertRecord(trx, input.recordType, record);
  const event = await recordAuditedChange(trx, {
    principal: input.principal,
    recordType: input.recordType,
    record,
    action: 'create',
    eventVerb: 'created',
    changes: diffRecord({}, record),
    source: input.source,
    stateTo: record.state,
    at,
  });
  return { record, event };
}
