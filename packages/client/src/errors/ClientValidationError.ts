import { type FieldIssue, problemTypes } from '@masetra/core';
import { ProblemError } from './ProblemError';

/**
 * The input broke the contract's schema, so nothing was sent. It is a `ProblemError` with
 * status `0` and the same `errors[]` (JSON pointers) a server 400/422 would carry, so a
 * form shows both alike; check for this class when it matters that no request was made.
 */
export class ClientValidationError extends ProblemError {
  override name = 'ClientValidationError';
  /** The contract route the input was meant for, e.g. `deviations.create`. */
  readonly routeId: string;

  constructor(routeId: string, errors: FieldIssue[]) {
    super({
      type: problemTypes.validation,
      title: 'Invalid input',
      status: 0,
      detail: `The input of ${routeId} does not match the API contract; nothing was sent.`,
      code: 'invalid_input',
      errors,
    });
    this.routeId = routeId;
  }
}

export function isClientValidationError(error: unknown): error is ClientValidationError {
  return error instanceof ClientValidationError;
}
