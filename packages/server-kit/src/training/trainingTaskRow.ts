import type { TrainingTask } from '@masetra/core';
import type { Selectable } from 'kysely';
import { toIsoString } from '../storage/timestamps';
import type { TrainingTasksTable } from './trainingTables';

export type TrainingTaskRow = Selectable<TrainingTasksTable>;

/** The day (YYYY-MM-DD, UTC) of a moment: what due days are compared with. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** A stored task as the API shows it, `overdue` judged on `today`. */
export function toTrainingTask(row: TrainingTaskRow, today: string): TrainingTask {
  return {
    id: row.id,
    documentId: row.document_id,
    documentNumber: row.document_number,
    documentTitle: row.document_title,
    versionLabel: row.version_label,
    documentKind: row.document_kind,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    status: row.status,
    assignedAt: toIsoString(row.assigned_at),
    dueOn: row.due_on,
    overdue: row.status === 'open' && row.due_on < today,
    acknowledgedAt: row.acknowledged_at ? toIsoString(row.acknowledged_at) : null,
    signatureId: row.signature_id,
    closedAt: row.closed_at ? toIsoString(row.closed_at) : null,
  };
}
