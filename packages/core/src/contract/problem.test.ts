import { describe, expect, it } from 'vitest';
import { type ProblemCode, problemFor, problemKinds, problemSchema, problemTypes } from './problem';

describe('problemFor', () => {
  const codes = Object.keys(problemKinds) as ProblemCode[];

  it.each(codes)('%s is a client error of a known problem type, valid by the contract', (code) => {
    const problem = problemFor(code, 'Why it was refused.', [{ pointer: '/title', detail: 'Required.' }]);
    expect(problemSchema.parse(problem)).toEqual(problem);
    expect(Object.values(problemTypes)).toContain(problem.type);
    expect(problem.status).toBeGreaterThanOrEqual(400);
    expect(problem.status).toBeLessThan(500);
    expect(problem.code).toBe(code);
  });

  it('answers the concurrency codes as the kit always has', () => {
    expect(problemFor('stale_version', 'The record is at version 4.')).toEqual({
      status: 412,
      type: problemTypes.preconditionFailed,
      title: 'The record has changed',
      detail: 'The record is at version 4.',
      code: 'stale_version',
      errors: undefined,
    });
    expect(problemFor('if_match_required')).toMatchObject({ status: 428, title: 'If-Match required' });
  });
});
