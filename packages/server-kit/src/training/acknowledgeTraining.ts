import {
  coveredAttachmentList,
  type Principal,
  problemFor,
  type RecordBase,
  type RecordType,
  recordContentHash,
  signatureManifestation,
  signatureTrailChange,
  type TrainingTask,
  trainingTrigger,
} from '@masetra/core';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { ProblemError } from '../http/ProblemError';
import { problems } from '../http/problems';
import { listAttachments } from '../repositories/attachments';
import { insertSignature } from '../repositories/signatures';
import { recordAuditedChange } from '../services/auditedChange';
import type { DomainEvent } from '../services/QmsOptions';
import type { Database } from '../storage/database';
import { findRecord } from '../storage/records';
import { withTraining } from './trainingTables';
import { dayOf, type TrainingTaskRow, toTrainingTask } from './trainingTaskRow';

/** The event name a training signature is stored with, beside the lifecycle's own events. */
export const ACKNOWLEDGE_TRAINING = 'ACKNOWLEDGE_TRAINING';

const conflict = (detail: string, code: string) =>
  new ProblemError({ ...problemFor('conflict', detail), code });

/**
 * Why a task cannot be acknowledged now, thrown as problem+json: someone else's task (403),
 * already acknowledged, or its version no longer the one in force (409). A version that is no
 * longer effective owes no training, and an acknowledgement of it never counts for the next.
 */
export function refuseAcknowledgement(
  task: TrainingTaskRow,
  principal: Principal,
  document: RecordBase | null,
  options: { evenIfAcknowledged?: boolean } = {},
): void {
  if (task.assignee_id !== principal.userId) {
    throw problems.forbidden('Only the person a training task is for may acknowledge it.');
  }
  if (task.status === 'acknowledged' && !options.evenIfAcknowledged) {
    throw conflict('This training is already acknowledged.', 'training_acknowledged');
  }
  // Acknowledged (a retry under its key): the write replays the first answer.
  if (task.status === 'acknowledged') return;
  const versionLabel = (document as { versionLabel?: string } | null)?.versionLabel ?? '';
  if (
    task.status === 'superseded' ||
    !document ||
    document.state !== trainingTrigger.state ||
    versionLabel !== task.version_label
  ) {
    throw conflict(
      `${task.document_number} v${task.version_label} is no longer in force; its training is no longer needed.`,
      'training_superseded',
    );
  }
}

/** The document a task names, as it is now, or null when its type or record is gone. */
export function loadTaskDocument(
  db: Kysely<Database>,
  recordType: RecordType | undefined,
  task: TrainingTaskRow,
): Promise<RecordBase | null> {
  if (!recordType) return Promise.resolve(null);
  return findRecord(db, recordType, task.org_id, task.document_id) as Promise<RecordBase | null>;
}

/**
 * Signs the task "read and understood" in the caller's transaction: the signature binds to the
 * content hash of the document version in force (with the files it has), exactly like a
 * lifecycle signature, and is written to the document's trail. The task and document are read
 * again here, locked, so two acknowledgements cannot both count.
 */
export async function acknowledgeTraining(
  trx: Transaction<Database>,
  input: {
    principal: Principal;
    recordType: RecordType | undefined;
    taskId: string;
    signerName: string;
    at: Date;
    source: Record<string, unknown> | null;
  },
): Promise<{ task: TrainingTask; events: DomainEvent[] }> {
  const { principal, recordType } = input;
  const task = await withTraining(trx)
    .selectFrom('training_tasks')
    .selectAll()
    .where('org_id', '=', principal.orgId)
    .where('id', '=', input.taskId)
    .forUpdate()
    .executeTakeFirst();
  if (!task) throw problems.notFound('No training task with that id.');
  const document = await loadTaskDocument(trx, recordType, task);
  refuseAcknowledgement(task, principal, document);
  if (!recordType || !document) throw problems.notFound('No training task with that id.');
  const at = input.at.toISOString();
  const covered = coveredAttachmentList(
    (await listAttachments(trx, principal.orgId, recordType.name, document.id)).map(({ id, sha256 }) => ({
      id,
      sha256,
    })),
  );
  const signature = {
    id: uuidv7(),
    recordType: recordType.name,
    recordId: document.id,
    recordVersion: document.version,
    contentHash: await recordContentHash(document, covered),
    signerId: principal.userId,
    signerName: input.signerName,
    meaning: 'read_and_understood' as const,
    event: ACKNOWLEDGE_TRAINING,
    signedAt: at,
    coveredAttachments: covered.map((attachment) => attachment.id),
  };
  await insertSignature(trx, { ...signature, orgId: principal.orgId });
  const updated = await withTraining(trx)
    .updateTable('training_tasks')
    .set({ status: 'acknowledged', acknowledged_at: at, signature_id: signature.id, closed_at: at })
    .where('org_id', '=', principal.orgId)
    .where('id', '=', task.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const event = await recordAuditedChange(trx, {
    principal,
    recordType,
    record: document,
    action: 'signature',
    eventVerb: 'signed',
    changes: [signatureTrailChange(signature, { trainingTaskId: task.id })],
    reason: null,
    source: input.source,
    at,
    data: {
      signatureId: signature.id,
      meaning: signature.meaning,
      event: ACKNOWLEDGE_TRAINING,
      contentHash: signature.contentHash,
      manifestation: signatureManifestation(signature),
      trainingTaskId: task.id,
    },
  });
  return { task: toTrainingTask(updated, dayOf(input.at)), events: [event] };
}
