// The reference server's account routes (core's `accountRoutes`, spread into `authRoutes`) and
// TOTP enrolment, called with the session's token; answers are checked against the contract,
// refusals are ProblemErrors, as from `@masetra/client`.
import { isProblemError, ProblemError } from '@masetra/client';
import { type Problem, problemTypes } from '@masetra/core';
import { authRoutes } from '@masetra/core/auth';
import { API_BASE_URL, session } from '../session/api';

type Route = (typeof authRoutes)[keyof typeof authRoutes];

async function send<R extends Route>(
  route: R,
  options: { params?: Record<string, string>; body?: unknown } = {},
): Promise<ReturnType<R['response']['parse']>> {
  const token = await session.accessToken();
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
    // The server ended the session (it was signed out elsewhere): sign out here too.
    if (response.status === 401 && problem.type === problemTypes.unauthenticated) session.expire();
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

export const accountApi = {
  authenticator: () => send(authRoutes.authenticatorStatus),
  beginTotp: (password: string) => send(authRoutes.beginTotp, { body: { password } }),
  confirmTotp: (otp: string) => send(authRoutes.confirmTotp, { body: { otp } }),
  removeAuthenticator: (password: string, code: string) =>
    send(authRoutes.removeAuthenticator, { body: { password, code } }),
  regenerateRecoveryCodes: (password: string, code: string) =>
    send(authRoutes.regenerateRecoveryCodes, { body: { password, code } }),
  sessions: () => send(authRoutes.accountSessions),
  revokeSession: (id: string) => send(authRoutes.revokeAccountSession, { params: { id } }),
  revokeOtherSessions: () => send(authRoutes.revokeOtherAccountSessions),
  resetAuthenticator: (id: string, reason: string | undefined) =>
    send(authRoutes.resetAuthenticator, { params: { id }, body: reason ? { reason } : {} }),
  revokeUserSessions: (id: string, reason: string | undefined) =>
    send(authRoutes.revokeUserSessions, { params: { id }, body: reason ? { reason } : {} }),
  securityPolicy: () => send(authRoutes.securityPolicy),
  setSecurityPolicy: (mfaRequired: 'off' | 'signers' | 'everyone', reason: string | undefined) =>
    send(authRoutes.setSecurityPolicy, { body: reason ? { mfaRequired, reason } : { mfaRequired } }),
};

/** What to show for a refusal: the server's words (its detail, else its title, and field errors). */
export function problemText(error: unknown, fallback: string): string {
  if (isProblemError(error)) {
    const fields = error.errors.map((issue) => issue.detail).join(' ');
    return [error.detail ?? error.title, fields].filter(Boolean).join(' ');
  }
  return fallback;
}
