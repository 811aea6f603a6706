import * as z from 'zod/mini';
import { nonEmptyText, type RecordBase } from '../record-type/recordBase';

export const capaKinds = ['corrective', 'preventive'] as const;
/** Record types a CAPA can answer; `complaint` lives in the host system. */
export const capaSourceTypes = ['deviation', 'finding', 'complaint'] as const;
export const extensionRequestStatuses = ['pending', 'approved', 'rejected'] as const;
export const effectivenessResults = ['effective', 'not_effective'] as const;

/** What the CAPA answers: a deviation, an audit finding or a complaint. */
export const capaSourceRefSchema = z.object({
  type: z.enum(capaSourceTypes),
  id: nonEmptyText(200),
  /** Human number of the source, e.g. `DEV-2026-0001`, so a list shows it without a lookup. */
  number: z.optional(z.string().check(z.maxLength(40))),
});

/** One action of the plan. Owner and due date may wait until the plan is submitted. */
export const capaTaskSchema = z.object({
  id: nonEmptyText(100),
  title: nonEmptyText(500),
  ownerId: z.optional(z.string().check(z.maxLength(200))),
  dueAt: z.optional(z.iso.datetime()),
  done: z.boolean(),
  doneAt: z.optional(z.iso.datetime()),
});

/**
 * A request to move a due date once the plan is approved: the CAPA's own, or one task's. Only an
 * approved one moves it. The lifecycle writes these (REQUEST_EXTENSION, APPROVE_EXTENSION,
 * REFUSE_EXTENSION); who requested and who decided are absent on requests raised before
 * extensions were lifecycle steps.
 */
export const extensionRequestSchema = z.object({
  id: nonEmptyText(100),
  /** The task whose due date moves; absent, the CAPA's own due date. */
  taskId: z.optional(nonEmptyText(100)),
  newDueAt: z.iso.datetime(),
  /** The due date the request would replace, as it stood when requested. */
  previousDueAt: z.optional(z.iso.datetime()),
  reason: nonEmptyText(2000),
  status: z.enum(extensionRequestStatuses),
  requestedBy: z.optional(z.string().check(z.maxLength(200))),
  requestedAt: z.optional(z.iso.datetime()),
  /** Who approved (signed) or refused it: never its requester. */
  decidedBy: z.optional(z.string().check(z.maxLength(200))),
  decidedAt: z.optional(z.iso.datetime()),
  /** Why it was refused. */
  decisionReason: z.optional(z.string().check(z.maxLength(2000))),
});

/**
 * The `data` of a REQUEST_EXTENSION move: the new due date, of one task or (without `taskId`)
 * of the CAPA itself. Its reason is the move's reason.
 *
 * @example
 * await capas.transition(capa.id, { event: 'REQUEST_EXTENSION', reason: 'Vendor delay.',
 *   data: { taskId: 'task-2', newDueAt: '2026-07-31T17:00:00.000Z' } }, { version: capa.version });
 */
export const extensionRequestDataSchema = z.strictObject({
  taskId: z.optional(nonEmptyText(100)),
  newDueAt: z.iso.datetime(),
});

export const capaFields = {
  title: nonEmptyText(200),
  description: z.optional(z.string().check(z.maxLength(20_000))),
  kind: z.optional(z.enum(capaKinds)),
  sourceRefs: z.optional(z.array(capaSourceRefSchema).check(z.maxLength(50))),
  tasks: z.optional(z.array(capaTaskSchema).check(z.maxLength(200))),
  extensionRequests: z.optional(z.array(extensionRequestSchema).check(z.maxLength(500))),
  /** How effectiveness will be judged, fixed with the plan. */
  effectivenessCriteria: z.optional(z.string().check(z.maxLength(20_000))),
  effectivenessResult: z.optional(z.enum(effectivenessResults)),
  effectivenessEvidence: z.optional(z.string().check(z.maxLength(20_000))),
  dueAt: z.optional(z.iso.datetime()),
};

const plannedTask = {
  id: nonEmptyText(100),
  title: nonEmptyText(500),
  ownerId: nonEmptyText(200),
  dueAt: z.iso.datetime(),
};
const taskDone = { done: z.literal(true, { error: 'Finish this task first.' }) };
const atLeastOneTask = () => z.minLength(1, { error: 'Plan at least one task.' });

const plan = {
  title: nonEmptyText(200),
  description: nonEmptyText(20_000),
  kind: z.enum(capaKinds),
  tasks: z.array(z.object(plannedTask)).check(atLeastOneTask()),
  effectivenessCriteria: nonEmptyText(20_000),
  dueAt: z.iso.datetime(),
};

const implemented = {
  ...plan,
  tasks: z.array(z.object({ ...plannedTask, ...taskDone })).check(atLeastOneTask()),
};

/** At least one task, and every task done: what ends implementation. */
export const capaTasksDoneSchema = z.object({ tasks: z.array(z.object(taskDone)).check(atLeastOneTask()) });

/** What each state requires of a CAPA on entry. */
export const capaRequiredFields = {
  plan_approval: z.object(plan),
  implementation: z.object(plan),
  effectiveness_check: z.object(implemented),
  closed: z.object({
    ...implemented,
    effectivenessResult: z.literal('effective', { error: 'Record the CAPA as effective first.' }),
    effectivenessEvidence: nonEmptyText(20_000),
  }),
};

/** Fields only the lifecycle writes. */
export const capaLifecycleFields = ['extensionRequests'] as const;

/** A CAPA as stored and served: the base fields and its own, inferred from the schema. */
export type Capa = RecordBase & z.infer<z.ZodMiniObject<typeof capaFields>>;
