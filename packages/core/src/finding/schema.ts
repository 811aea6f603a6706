import * as z from 'zod/mini';
import { nonEmptyText, type RecordBase } from '../record-type/recordBase';

/** From a remark worth noting to a failure that puts product or patients at risk. */
export const findingClassifications = ['observation', 'minor', 'major', 'critical'] as const;

export const findingFields = {
  /** The audit the finding was raised in; fixed at creation. */
  auditId: nonEmptyText(200),
  title: nonEmptyText(200),
  description: z.optional(z.string().check(z.maxLength(20_000))),
  classification: z.optional(z.enum(findingClassifications)),
  /** The requirement not met, e.g. `21 CFR 211.192` or `ISO 13485 §8.5.2`. */
  requirementRef: z.optional(z.string().check(z.maxLength(500))),
  /** The auditee's response: correction, cause and what will prevent recurrence. */
  response: z.optional(z.string().check(z.maxLength(20_000))),
  linkedCapaIds: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50))),
  /** Why no CAPA is raised, when none is linked. */
  rationale: z.optional(z.string().check(z.maxLength(20_000))),
  dueAt: z.optional(z.iso.datetime()),
};

const responded = {
  title: nonEmptyText(200),
  description: nonEmptyText(20_000),
  classification: z.enum(findingClassifications),
  response: nonEmptyText(20_000),
  linkedCapaIds: z.optional(z.array(z.string())),
  rationale: z.optional(z.string()),
};

type RespondedFinding = { linkedCapaIds?: readonly string[] | undefined; rationale?: string | undefined };

const respondedFinding = () =>
  z.object(responded).check(
    z.refine<RespondedFinding>(
      (finding) => (finding.linkedCapaIds?.length ?? 0) > 0 || !!finding.rationale?.trim(),
      {
        message: 'Link a CAPA, or give the rationale for raising none.',
        path: ['rationale'],
      },
    ),
  );

/** What each state requires of a finding on entry. */
export const findingRequiredFields = {
  response_submitted: respondedFinding(),
  closed: respondedFinding(),
};

/** An audit finding as stored and served: the base fields and its own, inferred from the schema. */
export type Finding = RecordBase & z.infer<z.ZodMiniObject<typeof findingFields>>;
