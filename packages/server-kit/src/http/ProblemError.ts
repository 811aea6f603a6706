import type { FieldIssue } from '@masetra/core';

export interface ProblemInit {
  status: number;
  type: string;
  title: string;
  detail?: string;
  code?: string;
  errors?: FieldIssue[];
  headers?: Record<string, string>;
}

/**
 * An error that is an HTTP answer: thrown anywhere in a handler, it becomes an RFC 9457
 * problem+json response. Anything else thrown becomes a 500 with no detail leaked.
 */
export class ProblemError extends Error {
  readonly problem: ProblemInit;

  constructor(problem: ProblemInit) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}
