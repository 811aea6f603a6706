import {
  mergeTrainees,
  type Principal,
  type RecordBase,
  type RecordType,
  recordContentHash,
  type Trainees,
  trainingDueOn,
  trainingTrigger,
} from '@masetra/core';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { listAttachments } from '../repositories/attachments';
import { recordAuditedChange } from '../services/auditedChange';
import type { DomainEvent } from '../services/QmsOptions';
import type { Database } from '../storage/database';
import { findKindSetting } from './trainingKindSettings';
import { peopleToTrain } from './trainingPeople';
import { withTraining } from './trainingTables';
import { dayOf } from './trainingTaskRow';

/** A move as training sees it: who took it, on which record, from where to where, when. */
export interface TrainingMove {
  principal: Principal;
  recordType: RecordType;
  record: RecordBase;
  from: string;
  to: string;
  at: Date;
  source: Record<string, unknown> | null;
}

type TrainedDocument = RecordBase & {
  title?: string;
  versionLabel?: string;
  documentKind?: string;
  effectiveDate?: string;
  trainees?: Trainees;
};

/**
 * Gives everyone the version owes training to a task for exactly this version: the holders of
 * the document's and its kind's roles at this moment and the people they name. Runs in the
 * transaction of the move into the effective state, so the version is never effective without
 * its tasks. A person given a role later gets a task when the next version becomes effective.
 */
async function assignTraining(trx: Transaction<Database>, move: TrainingMove): Promise<DomainEvent[]> {
  const document = move.record as TrainedDocument;
  const orgId = move.principal.orgId;
  const kindSetting = document.documentKind
    ? await findKindSetting(trx, orgId, document.documentKind)
    : undefined;
  const who = mergeTrainees(document.trainees, kindSetting);
  const people = await peopleToTrain(trx, orgId, who);
  if (people.length === 0) return [];
  const attachments = (await listAttachments(trx, orgId, move.recordType.name, document.id)).map(
    ({ id, sha256 }) => ({ id, sha256 }),
  );
  const contentHash = await recordContentHash(document, attachments);
  const versionLabel = document.versionLabel ?? '';
  const dueOn = trainingDueOn(document.effectiveDate ?? dayOf(move.at), who.dueDays);
  const at = move.at.toISOString();
  const inserted = await withTraining(trx)
    .insertInto('training_tasks')
    .values(
      people.map((person) => ({
        id: uuidv7(),
        org_id: orgId,
        document_type: move.recordType.name,
        document_id: document.id,
        document_number: document.number,
        document_title: String(document.title ?? document.number),
        version_label: versionLabel,
        document_kind: document.documentKind ?? null,
        content_hash: contentHash,
        assignee_id: person.userId,
        assignee_name: person.name,
        status: 'open' as const,
        assigned_at: at,
        due_on: dueOn,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['org_id', 'document_id', 'version_label', 'assignee_id']).doNothing(),
    )
    .returning(['assignee_id'])
    .execute();
  if (inserted.length === 0) return [];
  return [
    await recordAuditedChange(trx, {
      principal: move.principal,
      recordType: move.recordType,
      record: move.record,
      action: 'training_assigned',
      eventVerb: 'training_assigned',
      changes: [
        {
          field: 'training',
          old: null,
          new: { versionLabel, dueOn, assignees: inserted.map((row) => row.assignee_id) },
        },
      ],
      reason: null,
      source: move.source,
      at,
      data: { versionLabel, dueOn, assignees: inserted.map((row) => row.assignee_id) },
    }),
  ];
}

/**
 * Closes the open tasks of a version that stopped being effective (superseded or retired):
 * no longer needed, and never counted for the version after it.
 */
async function closeTraining(trx: Transaction<Database>, move: TrainingMove): Promise<DomainEvent[]> {
  const at = move.at.toISOString();
  const closed = await withTraining(trx)
    .updateTable('training_tasks')
    .set({ status: 'superseded', closed_at: at })
    .where('org_id', '=', move.principal.orgId)
    .where('document_id', '=', move.record.id)
    .where('status', '=', 'open')
    .returning(['assignee_id'])
    .execute();
  if (closed.length === 0) return [];
  return [
    await recordAuditedChange(trx, {
      principal: move.principal,
      recordType: move.recordType,
      record: move.record,
      action: 'training_closed',
      eventVerb: 'training_closed',
      changes: [
        { field: 'training', old: { open: closed.map((row) => row.assignee_id) }, new: { state: move.to } },
      ],
      reason: null,
      source: move.source,
      at,
      data: { closed: closed.map((row) => row.assignee_id) },
    }),
  ];
}

/**
 * What a move owes training, in the move's own transaction: tasks when a document version
 * becomes effective, their closing when it stops being effective. Every move, a person's or the
 * scheduler's, passes here (the kit's `applyTransition`).
 */
export async function trainingOnMove(trx: Transaction<Database>, move: TrainingMove): Promise<DomainEvent[]> {
  if (move.recordType.name !== trainingTrigger.recordType || move.from === move.to) return [];
  if (move.to === trainingTrigger.state) return assignTraining(trx, move);
  if (move.from === trainingTrigger.state) return closeTraining(trx, move);
  return [];
}
