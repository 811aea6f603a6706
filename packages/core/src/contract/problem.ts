import * as z from 'zod/mini';

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
  internal: `${base}internal`,
} as const;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
