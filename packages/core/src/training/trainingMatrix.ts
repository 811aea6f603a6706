import * as z from 'zod/mini';
import type { TrainingTask } from './trainingTask';

/** What a cell of the training matrix says of one person and one effective document version. */
export const trainingCellStatuses = ['trained', 'due', 'overdue', 'not_required'] as const;
export type TrainingCellStatus = (typeof trainingCellStatuses)[number];

/** A current effective document version: a column of the matrix. */
export const trainingMatrixDocumentSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  versionLabel: z.string(),
  effectiveDate: z.nullable(z.iso.date()),
});

export const trainingMatrixCellSchema = z.object({
  documentId: z.string(),
  status: z.enum(trainingCellStatuses),
  dueOn: z.nullable(z.iso.date()),
  acknowledgedAt: z.nullable(z.iso.datetime()),
});
export type TrainingMatrixCell = z.infer<typeof trainingMatrixCellSchema>;

/** People × current effective documents, one cell for each pair, in the columns' order. */
export const trainingMatrixSchema = z.object({
  documents: z.array(trainingMatrixDocumentSchema),
  people: z.array(
    z.object({ userId: z.string(), name: z.string(), cells: z.array(trainingMatrixCellSchema) }),
  ),
  overdue: z.int(),
});
export type TrainingMatrix = z.infer<typeof trainingMatrixSchema>;

/**
 * A task's cell on `today` (YYYY-MM-DD, UTC). Only a task of the version the column shows
 * counts: a superseded version's acknowledgement is no training on the version after it.
 */
export function trainingCellStatus(
  task: Pick<TrainingTask, 'status' | 'dueOn'> | undefined,
  today: string,
): TrainingCellStatus {
  if (!task || task.status === 'superseded') return 'not_required';
  if (task.status === 'acknowledged') return 'trained';
  return task.dueOn < today ? 'overdue' : 'due';
}

/** The day a version's training is due: `dueDays` after its effective date (UTC). */
export function trainingDueOn(effectiveDate: string, dueDays: number): string {
  const day = new Date(`${effectiveDate.slice(0, 10)}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + dueDays);
  return day.toISOString().slice(0, 10);
}
