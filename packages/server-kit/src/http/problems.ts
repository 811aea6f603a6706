import {
  type FieldIssue,
  type ProblemCode,
  problemFor,
  problemTypes,
  type TransitionRefusal,
} from '@masetra/core';
import { ListQueryError } from '../storage/listQueryError';
import { ProblemError } from './ProblemError';

/** A coded problem as core's `problemFor` maps it, thrown as the kit's error. */
const coded = (code: ProblemCode, detail?: string, errors?: FieldIssue[]) =>
  new ProblemError(problemFor(code, detail, errors));

/**
 * The problems the kit answers with, one constructor each so titles stay consistent. Those
 * with a code read as core's `problemKinds` says, as the fixture server's do.
 */
export const problems = {
  malformed: (detail: string, errors?: FieldIssue[]) =>
    new ProblemError({
      status: 400,
      type: problemTypes.malformed,
      title: 'Malformed request',
      detail,
      errors,
    }),
  invalidQuery: (errors: FieldIssue[]) =>
    new ProblemError({
      status: 400,
      type: problemTypes.validation,
      title: 'Invalid query or path parameters',
      errors,
    }),
  /**
   * Invalid input. A more specific code (`reason_required` on a change past draft) keeps the
   * validation kind: a client reads the code, the kind says where to look.
   */
  validation: (detail: string, errors: FieldIssue[], code = 'validation_failed') =>
    new ProblemError({ ...problemFor('validation_failed', detail, errors), code }),
  unauthenticated: () =>
    new ProblemError({
      status: 401,
      type: problemTypes.unauthenticated,
      title: 'Authentication required',
      headers: { 'www-authenticate': 'Bearer' },
    }),
  forbidden: (detail: string, code: ProblemCode = 'forbidden') => coded(code, detail),
  notFound: (detail = 'No such resource.') =>
    new ProblemError({ status: 404, type: problemTypes.notFound, title: 'Not found', detail }),
  methodNotAllowed: (allow: string[]) =>
    new ProblemError({
      status: 405,
      type: problemTypes.methodNotAllowed,
      title: 'Method not allowed',
      headers: { allow: allow.join(', ') },
    }),
  conflict: (detail: string, code: ProblemCode = 'conflict', errors?: FieldIssue[]) =>
    coded(code, detail, errors),
  stale: (current: number) =>
    coded('stale_version', `The record is at version ${current}; reload it and apply your change again.`),
  ifMatchRequired: () =>
    coded('if_match_required', 'Send the ETag of the version your change is based on in If-Match.'),
  tooLarge: (limit: number) =>
    new ProblemError({
      status: 413,
      type: problemTypes.tooLarge,
      title: 'Payload too large',
      detail: `The body exceeds ${limit} bytes.`,
    }),
  unsupportedMediaType: (expected: string) =>
    new ProblemError({
      status: 415,
      type: problemTypes.unsupportedMediaType,
      title: 'Unsupported media type',
      detail: `Expected ${expected}.`,
    }),
  /** A move core's `decideTransition` refused: the machine's refusal or the signature's. */
  refused: (refusal: TransitionRefusal) => coded(refusal.code, refusal.detail, refusal.errors),
  signatureRejected: (detail: string, code: string) =>
    new ProblemError({
      status: 401,
      type: problemTypes.signatureRejected,
      title: 'Signature rejected',
      detail,
      code,
    }),
  idempotencyKeyReused: () =>
    coded(
      'idempotency_key_reused',
      'This Idempotency-Key was first used for a different request; send a new key for a new request.',
    ),
};

/**
 * The answer an error stands for: a thrown problem as it is, a list query the storage layer
 * refused (an unknown sort or filter, a cursor it did not issue) as a 400, anything else null.
 */
export function problemOf(error: unknown): ProblemError | null {
  if (error instanceof ProblemError) return error;
  if (error instanceof ListQueryError) {
    return problems.invalidQuery([{ pointer: `/${error.parameter}`, detail: `${error.message}.` }]);
  }
  return null;
}
