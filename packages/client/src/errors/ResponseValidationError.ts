import type { FieldIssue } from '@masetra/core';

/**
 * A success answer broke the contract: its body does not match the route's response schema
 * (a server of another version, or a proxy answering in its place). The data is not returned.
 */
export class ResponseValidationError extends Error {
  override name = 'ResponseValidationError';

  constructor(
    /** The contract route that answered, e.g. `deviations.get`. */
    readonly routeId: string,
    readonly status: number,
    /** What does not match, by JSON pointer into the body. */
    readonly errors: FieldIssue[],
    /** The body as received. */
    readonly body: unknown,
  ) {
    super(
      `The response of ${routeId} does not match the API contract: ${errors.map((issue) => `${issue.pointer || '/'} ${issue.detail}`).join('; ')}`,
    );
  }
}

export function isResponseValidationError(error: unknown): error is ResponseValidationError {
  return error instanceof ResponseValidationError;
}
