import { PROBLEM_CONTENT_TYPE, problemTypes } from '@masetra/core';
import type { ProblemInit } from './ProblemError';

const securityHeaders = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...securityHeaders, ...headers },
  });
}

export function problemResponse(problem: ProblemInit, instance?: string): Response {
  const { headers, ...body } = problem;
  return new Response(JSON.stringify({ ...body, instance }), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...securityHeaders, ...headers },
  });
}

export const internalProblem: ProblemInit = {
  status: 500,
  type: problemTypes.internal,
  title: 'Internal error',
  detail: 'The server could not complete the request; nothing was changed.',
};

/** A record's ETag is its version: strong, quoted. */
export function etagOf(version: number): string {
  return `"${version}"`;
}
