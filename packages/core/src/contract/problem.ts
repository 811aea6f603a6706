import * as z from 'zod/mini';
import type { TransitionRefusalCode } from '../record-type/decideTransition';
import type { FieldIssue } from '../record-type/fieldIssues';

/** RFC 9457 problem details, with `errors[]` pointing at each invalid field. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** A stable machine-readable code, e.g. `segregation_of_duties`. */
  code: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ pointer: z.string(), detail: z.string() }))),
});
export type Problem = z.infer<typeof problemSchema>;

const base = 'https://masetra.dev/problems/';

/** The problem types the API returns, by HTTP status meaning. */
export const problemTypes = {
  validation: `${base}validation`,
  malformed: `${base}malformed-request`,
  unauthenticated: `${base}unauthenticated`,
  forbidden: `${base}forbidden`,
  notFound: `${base}not-found`,
  methodNotAllowed: `${base}method-not-allowed`,
  conflict: `${base}conflict`,
  preconditionFailed: `${base}precondition-failed`,
  preconditionRequired: `${base}precondition-required`,
  tooLarge: `${base}payload-too-large`,
  unsupportedMediaType: `${base}unsupported-media-type`,
  transitionRefused: `${base}transition-refused`,
  signatureRejected: `${base}signature-rejected`,
  rateLimited: `${base}rate-limited`,
  /** A resource that existed and was deleted on purpose (an export file past its retention). */
  gone: `${base}gone`,
  internal: `${base}internal`,
} as const;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** How a coded problem reads over HTTP: its status, its type and the title that goes with it. */
export interface ProblemKind {
  status: number;
  type: string;
  title: string;
}

const validationFailed = { status: 422, type: problemTypes.validation, title: 'Validation failed' };
const notPermitted = { status: 403, type: problemTypes.forbidden, title: 'Not permitted' };
const conflict = { status: 409, type: problemTypes.conflict, title: 'Conflict' };
const transitionRefused = (status: number) => ({
  status,
  type: problemTypes.transitionRefused,
  title: 'Transition refused',
});

/**
 * Every stable problem code the API answers with, and how it reads over HTTP. A code is what
 * a client branches on; the server and the fixture server both answer through this table.
 */
export const problemKinds = {
  // The machine refused the move (`evaluateTransition`).
  unknown_event: transitionRefused(422),
  not_allowed_in_state: transitionRefused(409),
  reason_required: transitionRefused(422),
  invalid_data: transitionRefused(422),
  missing_fields: transitionRefused(422),
  segregation_of_duties: transitionRefused(403),
  guard_failed: transitionRefused(409),
  // The move came with the wrong signature (`decideTransition`).
  signature_required: validationFailed,
  signature_meaning_mismatch: validationFailed,
  signature_not_expected: validationFailed,
  // The input does not hold.
  validation_failed: validationFailed,
  idempotency_key_reused: { ...validationFailed, title: 'Idempotency-Key reused' },
  // The caller may not.
  forbidden: notPermitted,
  attachments_disabled: notPermitted,
  // The record's own state stands in the way.
  conflict,
  record_final: conflict,
  // A stored file no longer has the SHA-256 recorded when it was uploaded: it was changed at rest.
  attachment_changed: { ...conflict, title: 'The stored file has changed' },
  stale_version: { status: 412, type: problemTypes.preconditionFailed, title: 'The record has changed' },
  if_match_required: { status: 428, type: problemTypes.preconditionRequired, title: 'If-Match required' },
} as const satisfies Record<TransitionRefusalCode, ProblemKind> & Record<string, ProblemKind>;

export type ProblemCode = keyof typeof problemKinds;

/**
 * The problem+json body for a code: status, type and title from `problemKinds`, with the
 * caller's detail and field errors. A host with a more specific code of its own spreads it
 * over the nearest kind: `{ ...problemFor('conflict', detail), code: 'email_taken' }`.
 *
 * @example
 * const decision = decideTransition(recordType, record, request);
 * if (!decision.ok) return problemFor(decision.code, decision.detail, decision.errors);
 */
export function problemFor(code: ProblemCode, detail?: string, errors?: FieldIssue[]): Problem {
  const { status, type, title } = problemKinds[code];
  return { status, type, title, detail, code, errors };
}
