import * as z from 'zod/mini';
import { nonEmptyText, type RecordBase } from '../record-type/recordBase';
import { versionLabelPattern } from './versionLabel';

export const documentKinds = ['sop', 'form', 'specification', 'policy', 'other'] as const;

const versionLabel = z
  .string()
  .check(z.regex(versionLabelPattern, { error: 'Expected a version such as 0.1 or 1.0.' }));
const reviewIntervalMonths = z.int().check(z.gte(1), z.lte(120));

export const documentFields = {
  title: nonEmptyText(200),
  documentKind: z.optional(z.enum(documentKinds)),
  /** What the document is for, in a few lines, for lists and search. */
  summary: z.optional(z.string().check(z.maxLength(2000))),
  /** The controlled text itself; files go in attachments. */
  content: z.optional(z.string().check(z.maxLength(500_000))),
  /** Set by the lifecycle; a new document is `0.1`. A revision is created with the next minor of the version it revises. */
  versionLabel: z.optional(versionLabel),
  /** The day (UTC) the approved version takes effect. */
  effectiveDate: z.optional(z.iso.date()),
  reviewIntervalMonths: z.optional(reviewIntervalMonths),
  nextReviewDue: z.optional(z.iso.date()),
  /** The document this one revises; it becomes `superseded` when this one becomes effective. */
  supersedesId: z.optional(z.string().check(z.maxLength(200))),
  /** Set by the lifecycle: who submitted this version for review, its author. */
  authoredBy: z.optional(z.string().check(z.maxLength(200))),
  /** Set by the lifecycle: who signed this version's review. */
  reviewedBy: z.optional(z.string().check(z.maxLength(200))),
};

/** Fields only the lifecycle writes: the approval chain of the version in work. */
export const documentLifecycleFields = ['authoredBy', 'reviewedBy'] as const;

const reviewable = {
  title: nonEmptyText(200),
  documentKind: z.enum(documentKinds),
  content: nonEmptyText(500_000),
};

const releasable = { ...reviewable, effectiveDate: z.iso.date(), reviewIntervalMonths };

/** What each state requires of a document on entry. */
export const documentRequiredFields = {
  in_review: z.object(reviewable),
  in_approval: z.object(reviewable),
  approved: z.object(releasable),
  effective: z.object(releasable),
};

/** A controlled document as stored and served: the base fields and its own, inferred from the schema. */
export type ControlledDocument = RecordBase & z.infer<z.ZodMiniObject<typeof documentFields>>;
