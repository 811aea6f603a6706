import { type FieldIssue, fieldIssuesOf } from '@masetra/core';

/** The part of a zod/mini schema the client uses: one synchronous parse. */
type Parser = {
  safeParse(
    value: unknown,
  ): { success: true; data: unknown } | { success: false; error: Parameters<typeof fieldIssuesOf>[0] };
};

/** Parses a value with a contract schema: its parsed value, or the issues as JSON pointers. */
export function validate(
  schema: Parser,
  value: unknown,
): { data: unknown; issues?: undefined } | { data?: undefined; issues: FieldIssue[] } {
  const result = schema.safeParse(value);
  return result.success ? { data: result.data } : { issues: fieldIssuesOf(result.error) };
}
