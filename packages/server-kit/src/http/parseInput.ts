import { type FieldIssue, fieldIssuesOf, toJsonPointer } from '@masetra/core';
import type * as z from 'zod/mini';
import { problems } from './problems';

/**
 * The issues of a failed parse, each pointing at the field at fault. zod reports unknown
 * fields as one issue on the object that holds them; a client needs a pointer per field.
 */
function issuesOf(error: z.core.$ZodError): FieldIssue[] {
  const described = fieldIssuesOf(error);
  return error.issues.flatMap((issue, index) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ pointer: toJsonPointer([...issue.path, key]), detail: 'Unknown field.' }))
      : [described[index] as FieldIssue],
  );
}

/** Query parameters as an object; a repeated key keeps its last value. */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

export function parseParams<T extends z.ZodMiniType>(schema: T | undefined, input: unknown): z.infer<T> {
  if (!schema) return {} as z.infer<T>;
  const result = schema.safeParse(input);
  if (!result.success) {
    // A malformed id can match no record: answer as the record would, without saying more.
    throw problems.notFound();
  }
  return result.data as z.infer<T>;
}

export function parseQuery<T extends z.ZodMiniType>(
  schema: T | undefined,
  input: Record<string, string>,
): z.infer<T> {
  // PostgreSQL text cannot hold NUL: refused here as a bad query, not failed there as a 500.
  const unstorable = Object.keys(input).filter((key) => input[key]?.includes('\u0000'));
  if (unstorable.length > 0) {
    throw problems.invalidQuery(
      unstorable.map((key) => ({ pointer: `/${key}`, detail: 'May not contain NUL characters.' })),
    );
  }
  if (!schema) {
    if (Object.keys(input).length > 0)
      throw problems.invalidQuery(
        Object.keys(input).map((key) => ({ pointer: `/${key}`, detail: 'Unknown parameter.' })),
      );
    return {} as z.infer<T>;
  }
  const result = schema.safeParse(input);
  if (!result.success) throw problems.invalidQuery(issuesOf(result.error));
  return result.data as z.infer<T>;
}

export function parseBody<T extends z.ZodMiniType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success)
    throw problems.validation('The body does not match the contract.', issuesOf(result.error));
  return result.data as z.infer<T>;
}
