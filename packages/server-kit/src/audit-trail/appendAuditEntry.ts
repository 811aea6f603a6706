import { type AuditTrailEntry, GENESIS_HASH } from '@masetra/core';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../storage/database';
import { asStoredJson, toJsonb } from '../storage/jsonb';
import { toDate } from '../storage/timestamps';
import { auditEntryContent } from './auditEntryContent';
import { hashAuditEntry } from './hashAuditEntry';

/**
 * What the application knows when it appends an entry; the trail adds its id, number and
 * hashes. `at` is the server time of the change (now when left out, kept to the millisecond);
 * a create lists every initial value in `changes` (PART11 item 3), an update each changed
 * field; `reason` is required by the services for changes after submission (Annex 11 §9);
 * `source` says where the change came from (PART11 item 12).
 */
export type AuditEntryInput = Pick<
  AuditTrailEntry,
  'orgId' | 'actorId' | 'actorName' | 'action' | 'recordType' | 'recordId'
> &
  Partial<Pick<AuditTrailEntry, 'recordNumber' | 'reason' | 'source' | 'stateFrom' | 'stateTo'>> & {
    at?: string | Date;
    changes?: readonly AuditTrailEntry['changes'][number][];
  };

/**
 * Appends an entry to the organization's audit trail, inside the caller's transaction so
 * the entry commits with the change it describes or not at all (Part 11 §11.10(e)).
 * The organization's chain head is locked for the rest of that transaction: entries of one
 * organization get consecutive numbers and each hash covers the one before it.
 *
 * @example
 * await storage.db.transaction().execute(async (trx) => {
 *   const stored = await insertRecord(trx, deviation, record);
 *   await appendAuditEntry(trx, { orgId, actorId, actorName, action: 'create',
 *     recordType: 'deviation', recordId: stored.id, recordNumber: stored.number,
 *     changes: [{ field: 'title', new: stored.title }] });
 * });
 */
export async function appendAuditEntry(
  trx: Transaction<Database>,
  input: AuditEntryInput,
): Promise<AuditTrailEntry> {
  if (!trx.isTransaction)
    throw new Error('appendAuditEntry runs inside the transaction of the change it records');
  await trx
    .insertInto('audit_chain_heads')
    .values({ org_id: input.orgId, seq: 0, hash: GENESIS_HASH })
    .onConflict((conflict) => conflict.column('org_id').doNothing())
    .execute();
  const head = await trx
    .selectFrom('audit_chain_heads')
    .select(['seq', 'hash'])
    .where('org_id', '=', input.orgId)
    .forUpdate()
    .executeTakeFirstOrThrow();

  const fields = {
    id: uuidv7(),
    orgId: input.orgId,
    seq: Number(head.seq) + 1,
    // What JavaScript reads back from timestamptz is milliseconds; hashing more would not verify.
    at: toDate(input.at).toISOString(),
    actorId: input.actorId,
    actorName: input.actorName,
    action: input.action,
    recordType: input.recordType,
    recordId: input.recordId,
    recordNumber: input.recordNumber ?? null,
    // Hashed as jsonb will give them back: Dates as strings, undefined members gone.
    changes: asStoredJson<AuditTrailEntry['changes']>([...(input.changes ?? [])]),
    reason: input.reason ?? null,
    source: input.source ? asStoredJson<NonNullable<AuditTrailEntry['source']>>(input.source) : null,
    stateFrom: input.stateFrom ?? null,
    stateTo: input.stateTo ?? null,
  };
  const entry: AuditTrailEntry = {
    ...fields,
    previousHash: head.hash,
    hash: hashAuditEntry(head.hash, auditEntryContent(fields)),
  };

  await trx
    .insertInto('audit_trail')
    .values({
      id: entry.id,
      org_id: entry.orgId,
      seq: entry.seq,
      at: entry.at,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      action: entry.action,
      record_type: entry.recordType,
      record_id: entry.recordId,
      record_number: entry.recordNumber,
      changes: toJsonb(entry.changes),
      reason: entry.reason,
      source: entry.source === null ? null : toJsonb(entry.source),
      state_from: entry.stateFrom,
      state_to: entry.stateTo,
      previous_hash: entry.previousHash,
      hash: entry.hash,
    })
    .execute();
  await trx
    .updateTable('audit_chain_heads')
    .set({ seq: entry.seq, hash: entry.hash })
    .where('org_id', '=', entry.orgId)
    .execute();
  return entry;
}
