import type * as z from 'zod/mini';

/** One invalid field, addressed by a JSON pointer (RFC 6901) as problem+json `errors[]` expects. */
export interface FieldIssue {
  pointer: string;
  detail: string;
}

/** JSON pointer of a zod issue path: `['tasks', 0, 'dueAt']` -> `/tasks/0/dueAt`. */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * zod/mini ships no message locale (that keeps core small), so its messages read
 * "Invalid input"; these say what a person needs to fix.
 */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Required.' : `Expected ${issue.expected}.`;
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? 'Required.'
        : `Must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : ''}.`;
    case 'too_big':
      return `Must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}.`;
    case 'invalid_value':
      return `Expected one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return `Expected ${issue.format === 'datetime' ? 'an ISO 8601 date-time' : issue.format}.`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
    default:
      return 'Invalid value.';
  }
}

export function fieldIssuesOf(error: z.core.$ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    pointer: prefix + toJsonPointer(issue.path),
    detail: describe(issue),
  }));
}
