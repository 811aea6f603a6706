import { fieldIssuesOf, type RouteDefinition } from '@masetra/core';
import type * as z from 'zod/mini';
import { HostProblemError } from './sendProblem';

/** Validates a host route's body by the contract's schema for that route. */
export function validateBody<T extends z.ZodMiniType>(
  route: RouteDefinition<z.ZodMiniType, z.ZodMiniType, T>,
  body: unknown,
): z.infer<T> {
  if (!route.body) return {} as z.infer<T>;
  const result = route.body.safeParse(body ?? {});
  if (!result.success) {
    throw new HostProblemError({
      status: 422,
      title: 'Validation failed',
      detail: 'The body does not match the contract.',
      errors: fieldIssuesOf(result.error),
    });
  }
  return result.data as z.infer<T>;
}
