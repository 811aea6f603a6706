import { type FieldIssue, problemTypes } from '@masetra/core';
import { ListQueryError } from '../storage/listQueryError';
import { ProblemError } from './ProblemError';

/** The problems the kit answers with, one constructor each so titles stay consistent. */
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
  validation: (detail: string, errors: FieldIssue[], code = 'validation_failed') =>
    new ProblemError({
      status: 422,
      type: problemTypes.validation,
      title: 'Validation failed',
      detail,
      errors,
      code,
    }),
  unauthenticated: () =>
    new ProblemError({
      status: 401,
      type: problemTypes.unauthenticated,
      title: 'Authentication required',
      headers: { 'www-authenticate': 'Bearer' },
    }),
  forbidden: (detail: string, code = 'forbidden') =>
    new ProblemError({ status: 403, type: problemTypes.forbidden, title: 'Not permitted', detail, code }),
  notFound: (detail = 'No such resource.') =>
    new ProblemError({ status: 404, type: problemTypes.notFound, title: 'Not found', detail }),
  methodNotAllowed: (allow: string[]) =>
    new ProblemError({
      status: 405,
      type: problemTypes.methodNotAllowed,
      title: 'Method not allowed',
      headers: { allow: allow.join(', ') },
    }),
  conflict: (detail: string, code = 'conflict', errors?: FieldIssue[]) =>
    new ProblemError({ status: 409, type: problemTypes.conflict, title: 'Conflict', detail, code, errors }),
  stale: (current: number) =>
    new ProblemError({
      status: 412,
      type: problemTypes.preconditionFailed,
      title: 'The record has changed',
      detail: `The record is at version ${current}; reload it and apply your change again.`,
      code: 'stale_version',
    }),
  ifMatchRequired: () =>
    new ProblemError({
      status: 428,
      type: problemTypes.preconditionRequired,
      title: 'If-Match required',
      detail: 'Send the ETag of the version your change is based on in If-Match.',
      code: 'if_match_required',
    }),
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
  transitionRefused: (status: number, detail: string, code: string, errors: FieldIssue[]) =>
    new ProblemError({
      status,
      type: problemTypes.transitionRefused,
      title: 'Transition refused',
      detail,
      code,
      errors,
    }),
  signatureRejected: (detail: string, code: string) =>
    new ProblemError({
      status: 401,
      type: problemTypes.signatureRejected,
      title: 'Signature rejected',
      detail,
      code,
    }),
  idempotencyKeyReused: () =>
    new ProblemError({
      status: 422,
      type: problemTypes.validation,
      title: 'Idempotency-Key reused',
      detail:
        'This Idempotency-Key was first used for a different request; send a new key for a new request.',
      code: 'idempotency_key_reused',
    }),
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
