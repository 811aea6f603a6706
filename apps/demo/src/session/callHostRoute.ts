// One way the demo calls the reference server's own routes (core's `authRoutes`: account,
// security settings, single sign-on): the session's token where the route is not public, the
// answer checked against the contract, a refusal thrown as a ProblemError as `@masetra/client` does.
import { ProblemError } from '@masetra/client';
import { type Problem, problemTypes } from '@masetra/core';
import type { authRoutes } from '@masetra/core/auth';
import { API_BASE_URL, session } from './api';

type HostRoute = (typeof authRoutes)[keyof typeof authRoutes];

export async function callHostRoute<R extends HostRoute>(
  route: R,
  options: { params?: Record<string, string>; body?: unknown } = {},
): Promise<ReturnType<R['response']['parse']>> {
  const token = route.public ? undefined : await session.accessToken();
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(options.params?.[name] ?? ''),
  );
  const response = await fetch(`${API_BASE_URL}${path}`, {
    method: route.method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      'x-masetra-source': 'masetra-demo',
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const json = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (json ?? {}) as Partial<Problem>;
    // The server ended the session (signed out elsewhere, or by an administrator): sign out here too.
    if (token && response.status === 401 && problem.type === problemTypes.unauthenticated) session.expire();
    throw new ProblemError({
      type: problem.type ?? 'about:blank',
      title: problem.title ?? `HTTP ${response.status}`,
      status: response.status,
      detail: problem.detail,
      code: problem.code,
      errors: problem.errors,
    });
  }
  return route.response.parse(json) as ReturnType<R['response']['parse']>;
}
