import * as z from 'zod/mini';
import { hostRefSchema, nonEmptyText, type RecordBase } from '../record-type/recordBase';

export const deviationSeverities = ['minor', 'major', 'critical'] as const;
export const rootCauseMethods = ['five_whys', 'fishbone', 'other'] as const;
/** The 6M categories of an Ishikawa (fishbone) diagram. */
export const fishboneCategories = [
  'man',
  'machine',
  'method',
  'material',
  'measurement',
  'environment',
] as const;

/** One step of a 5-Why chain: the question asked and the answer found. */
export const fiveWhyStepSchema = z.object({
  why: nonEmptyText(500),
  because: nonEmptyText(2000),
});

export const fishboneCauseSchema = z.object({
  category: z.enum(fishboneCategories),
  cause: nonEmptyText(500),
  /** Marked when the investigation found this cause to be a root cause. */
  isRootCause: z.optional(z.boolean()),
});

/** The investigation of a major or critical deviation, as structured data. */
export const investigationSchema = z.object({
  fiveWhys: z.optional(z.array(fiveWhyStepSchema).check(z.maxLength(20))),
  fishbone: z.optional(z.array(fishboneCauseSchema).check(z.maxLength(100))),
  notes: z.optional(z.string().check(z.maxLength(20_000))),
});

export const deviationFields = {
  title: nonEmptyText(200),
  description: z.optional(z.string().check(z.maxLength(20_000))),
  occurredAt: z.optional(z.iso.datetime()),
  area: z.optional(z.string().check(z.maxLength(200))),
  severity: z.optional(z.enum(deviationSeverities)),
  immediateActions: z.optional(z.string().check(z.maxLength(20_000))),
  /**
   * Earlier deviations of the same kind, by number, as written before typed links. Kept so old
   * records read as they were approved; a recurrence is now a `recurrence_of` link, and forms
   * no longer write this field (`linkOwnedFields`).
   */
  recurrence: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(50))),
  rootCause: z.optional(z.string().check(z.maxLength(20_000))),
  rootCauseMethod: z.optional(z.enum(rootCauseMethods)),
  investigation: z.optional(investigationSchema),
  impactAssessment: z.optional(z.string().check(z.maxLength(20_000))),
  capaRequired: z.optional(z.boolean()),
  linkedCapaIds: z.optional(z.array(z.string()).check(z.maxLength(50))),
  rationaleForNoCapa: z.optional(z.string().check(z.maxLength(20_000))),
  hostRefs: z.optional(z.array(hostRefSchema).check(z.maxLength(100))),
  dueAt: z.optional(z.iso.datetime()),
};

const described = {
  title: nonEmptyText(200),
  description: nonEmptyText(20_000),
  occurredAt: z.iso.datetime(),
  area: nonEmptyText(200),
  severity: z.enum(deviationSeverities),
};

/** What each state requires of a deviation on entry. */
export const deviationRequiredFields = {
  in_assessment: z.object(described),
  in_approval: z.object({ ...described, immediateActions: nonEmptyText(20_000) }),
  in_final_approval: z
    .object({
      ...described,
      rootCause: nonEmptyText(20_000),
      rootCauseMethod: z.enum(rootCauseMethods),
      impactAssessment: nonEmptyText(20_000),
      capaRequired: z.boolean(),
      linkedCapaIds: z.optional(z.array(z.string())),
      rationaleForNoCapa: z.optional(z.string()),
    })
    .check(
      z.refine((deviation) => !deviation.capaRequired || (deviation.linkedCapaIds?.length ?? 0) > 0, {
        message: 'Link at least one CAPA, or record that none is required.',
        path: ['linkedCapaIds'],
      }),
      z.refine((deviation) => deviation.capaRequired || !!deviation.rationaleForNoCapa?.trim(), {
        message: 'Give the rationale for raising no CAPA.',
        path: ['rationaleForNoCapa'],
      }),
    ),
};

/** A deviation as stored and served: the base fields and its own, inferred from the schema. */
export type Deviation = RecordBase & z.infer<z.ZodMiniObject<typeof deviationFields>>;
