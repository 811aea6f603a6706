import { type FieldIssue, PROBLEM_CONTENT_TYPE, problemTypes } from '@masetra/core';
import type { Response } from 'express';

export interface HostProblem {
  status: number;
  title: string;
  detail?: string;
  code?: string;
  type?: string;
  errors?: FieldIssue[];
}

const typeByStatus: Record<number, string> = {
  400: problemTypes.malformed,
  401: problemTypes.unauthenticated,
  403: problemTypes.forbidden,
  404: problemTypes.notFound,
  409: problemTypes.conflict,
  413: problemTypes.tooLarge,
  415: problemTypes.unsupportedMediaType,
  422: problemTypes.validation,
  423: problemTypes.forbidden,
  429: problemTypes.rateLimited,
};

/** Answers with the same RFC 9457 shape the server kit uses, so a client sees one error format. */
export function sendProblem(res: Response, problem: HostProblem): void {
  res
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .set('cache-control', 'no-store')
    .send(
      JSON.stringify({
        type: problem.type ?? typeByStatus[problem.status] ?? problemTypes.internal,
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        code: problem.code,
        errors: problem.errors,
      }),
    );
}

/** A refusal thrown from a host route, turned into problem+json by the error middleware. */
export class HostProblemError extends Error {
  constructor(readonly problem: HostProblem) {
    super(problem.detail ?? problem.title);
  }
}
