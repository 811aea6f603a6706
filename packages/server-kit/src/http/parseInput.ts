import { fieldIssuesOf } from '@masetra/core';
import type * as z from 'zod/mini';
import { problems } from './problems';

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
  if (!schema) {
    if (Object.keys(input).length > 0)
      throw problems.invalidQuery(
        Object.keys(input).map((key) => ({ pointer: `/${key}`, detail: 'Unknown parameter.' })),
      );
    return {} as z.infer<T>;
  }
  const result = schema.safeParse(input);
  if (!result.success) throw problems.invalidQuery(fieldIssuesOf(result.error));
  return result.data as z.infer<T>;
}

export function parseBody<T extends z.ZodMiniType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success)
    throw problems.validation('The body does not match the contract.', fieldIssuesOf(result.error));
  return result.data as z.infer<T>;
}
