import * as z from 'zod/mini';
import { signatureInputSchema } from '../entities/signature';

/**
 * Where a training task stands: `open` until its assignee acknowledges it; `superseded` when
 * its version stopped being effective first (no longer needed, and never counted for the
 * version after it).
 */
export const trainingTaskStatuses = ['open', 'acknowledged', 'superseded'] as const;
export type TrainingTaskStatus = (typeof trainingTaskStatuses)[number];

/** One person's training on one effective document version. */
export const trainingTaskSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  documentNumber: z.string(),
  documentTitle: z.string(),
  versionLabel: z.string(),
  documentKind: z.nullable(z.string()),
  assigneeId: z.string(),
  assigneeName: z.string(),
  status: z.enum(trainingTaskStatuses),
  assignedAt: z.iso.datetime(),
  /** The day (UTC) it is due: the effective date plus the due days. */
  dueOn: z.iso.date(),
  /** Open and past its due day, by the server's clock when it answered. */
  overdue: z.boolean(),
  acknowledgedAt: z.nullable(z.iso.datetime()),
  /** The "read and understood" signature, on the document version it names. */
  signatureId: z.nullable(z.string()),
  closedAt: z.nullable(z.iso.datetime()),
});
export type TrainingTask = z.infer<typeof trainingTaskSchema>;

/** The caller's own training: open tasks first (soonest due), then what they acknowledged. */
export const myTrainingSchema = z.object({
  items: z.array(trainingTaskSchema),
  open: z.int(),
  overdue: z.int(),
});
export type MyTraining = z.infer<typeof myTrainingSchema>;

/**
 * Acknowledging a task: an electronic signature, re-authenticated like any other, whose
 * meaning can only be "read and understood".
 */
export const trainingAcknowledgementSchema = z.strictObject({
  signature: z.extend(signatureInputSchema, { meaning: z.literal('read_and_understood') }),
});
export type TrainingAcknowledgement = z.infer<typeof trainingAcknowledgementSchema>;
