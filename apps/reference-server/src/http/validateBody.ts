import { fieldIssuesOf, problemFor, type RouteDefinition, unstorableTextIssues } from '@masetra/core';
import type * as z from 'zod/mini';
import { HostProblemError } from './sendProblem';

const validationFailed = (detail: string, errors: ReturnType<typeof fieldIssuesOf>) =>
  new HostProblemError(problemFor('validation_failed', detail, errors));

/**
 * Validates a host route's body by the contract's schema for that route, and refuses text
 * PostgreSQL cannot store (NUL, unpaired surrogates) as the kit does, so it is a 422, not a 500.
 */
export function validateBody<T extends z.ZodMiniType>(
  route: RouteDefinition<z.ZodMiniType, z.ZodMiniType, T>,
  body: unknown,
): z.infer<T> {
  if (!route.body) return {} as z.infer<T>;
  const result = route.body.safeParse(body ?? {});
  if (!result.success) {
    throw validationFailed('The body does not match the contract.', fieldIssuesOf(result.error));
  }
  const unstorable = unstorableTextIssues(result.data);
  if (unstorable.length > 0) throw validationFailed('The body holds text that cannot be stored.', unstorable);
  return result.data as z.infer<T>;
}
