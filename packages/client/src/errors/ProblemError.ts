import type { FieldIssue, Problem } from '@masetra/core';

/**
 * The server refused a request with RFC 9457 problem details. Every non-2xx answer becomes
 * one; an answer that is not problem+json (a proxy's 502 page, say) is described by its
 * status. `errors` points at each invalid field with a JSON pointer, ready for a form.
 */
export class ProblemError extends Error {
  override name = 'ProblemError';
  /** The HTTP status; `0` when the request was never sent (see `ClientValidationError`). */
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** A stable machine-readable code, e.g. `stale_version` or `segregation_of_duties`. */
  readonly code: string | undefined;
  /** One entry per invalid field, each with a JSON pointer into the body sent. */
  readonly errors: FieldIssue[];
  /** The problem document as the server sent it, extension members included (or as described from its status). */
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code;
    this.errors = problem.errors ?? [];
  }
}

/** True for a `ProblemError`, including a `ClientValidationError`. */
export function isProblemError(error: unknown): error is ProblemError {
  return error instanceof ProblemError;
}
