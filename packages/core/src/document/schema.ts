import * as z from 'zod/mini';
import { nonEmptyText, type RecordBase } from '../record-type/recordBase';
import { traineesSchema } from '../training/trainees';
import { documentContentFileSchema } from './contentFile';
import { versionLabelPattern } from './versionLabel';

/**
 * What a controlled document is. `other` stays only so documents created before kinds were
 * required still read; a new document names one of the others (`documentCreateKinds`).
 */
export const documentKinds = ['sop', 'work_instruction', 'form', 'specification', 'policy', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The longest text extracted from a PDF content file that is kept for full-text search. */
export const DOCUMENT_CONTENT_TEXT_LIMIT = 100_000;

const versionLabel = z
  .string()
  .check(z.regex(versionLabelPattern, { error: 'Expected a version such as 0.1 or 1.0.' }));
const reviewIntervalMonths = z.int().check(z.gte(1), z.lte(120));

export const documentFields = {
  title: nonEmptyText(200),
  documentKind: z.optional(z.enum(documentKinds)),
  /** What the document is for, in a few lines, for lists and search. */
  summary: z.optional(z.string().check(z.maxLength(2000))),
  /** Notes on the version; the controlled content itself is `contentFile`. */
  content: z.optional(z.string().check(z.maxLength(500_000))),
  /**
   * Set by the server when the content file is uploaded (`PUT /documents/{id}/content`, only in
   * draft): the file's SHA-256 is part of the record, so every review and approval signature
   * binds to exactly that file.
   */
  contentFile: z.optional(documentContentFileSchema),
  /** Set by the server: the text of a PDF content file, for full-text search only (bounded). */
  contentText: z.optional(z.string().check(z.maxLength(DOCUMENT_CONTENT_TEXT_LIMIT))),
  /** Set by the lifecycle; a new document is `0.1`. A revision is created with the next minor of the version it revises. */
  versionLabel: z.optional(versionLabel),
  /** The day (UTC) the approved version takes effect. */
  effectiveDate: z.optional(z.iso.date()),
  reviewIntervalMonths: z.optional(reviewIntervalMonths),
  nextReviewDue: z.optional(z.iso.date()),
  /** Set by the lifecycle: the day (UTC) the last periodic review found no change needed. */
  lastPeriodicReviewOn: z.optional(z.iso.date()),
  /** Set by the server on a revision: the version this one revises; it becomes `superseded` when this one becomes effective. */
  supersedesId: z.optional(z.string().check(z.maxLength(200))),
  /** Who must be trained on this document's effective versions, besides its kind's trainees. */
  trainees: z.optional(traineesSchema),
  /** Set by the lifecycle: who submitted this version for review, its author. */
  authoredBy: z.optional(z.string().check(z.maxLength(200))),
  /** Set by the lifecycle: who signed this version's review. */
  reviewedBy: z.optional(z.string().check(z.maxLength(200))),
};

/**
 * Fields only the server writes: the approval chain of the version in work, the version label,
 * the content file and its text, the version revised, the last periodic review. No create or
 * update input accepts them.
 */
export const documentLifecycleFields = [
  'authoredBy',
  'reviewedBy',
  'versionLabel',
  'contentFile',
  'contentText',
  'supersedesId',
  'lastPeriodicReviewOn',
] as const;

const reviewable = {
  title: nonEmptyText(200),
  documentKind: z.enum(documentKinds),
  // What reviewers read and sign is the file: no file, nothing to review.
  contentFile: documentContentFileSchema,
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
