// The reference server's single sign-on routes (core's contract, `sso.*`), called from the demo
// with the session's token; answers are checked against the contract, refusals are ProblemErrors.
import { ProblemError } from '@masetra/client';
import type { Problem } from '@masetra/core';
import { authRoutes, type SsoOidcSettingsInput, type Tokens } from '@masetra/core/auth';
import { API_BASE_URL, session } from '../session/api';

type Route = (typeof authRoutes)[keyof typeof authRoutes];

async function send<R extends Route>(route: R, body?: unknown): Promise<ReturnType<R['response']['parse']>> {
  const token = route.public ? undefined : await session.accessToken();
  const response = await fetch(`${API_BASE_URL}${route.path}`, {
    method: route.method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'x-masetra-source': 'masetra-demo',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (json ?? {}) as Partial<Problem>;
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

export const ssoApi = {
  start: (email: string) => send(authRoutes.ssoStart, { email }),
  complete: (callbackQuery: string) => send(authRoutes.ssoComplete, { callbackQuery }) as Promise<Tokens>,
  signing: () => send(authRoutes.ssoSigning),
  reauthenticate: () => send(authRoutes.ssoReauthenticate),
  completeReauthentication: (callbackQuery: string) =>
    send(authRoutes.ssoCompleteReauthentication, { callbackQuery }),
  settings: () => send(authRoutes.ssoSettings),
  saveSettings: (input: SsoOidcSettingsInput) => send(authRoutes.ssoSaveSettings, input),
};

/**
 * The signature dialog's pop-up and its window talk over a BroadcastChannel: the server's
 * Cross-Origin-Opener-Policy (same-origin) cuts the pop-up from its opener once it visits the
 * provider. The pop-up carries a flag in its own sessionStorage, so /sso/callback knows it is one.
 */
export const SSO_CHANNEL = 'masetra-sso';
export const POPUP_FLAG = 'masetra-sso.reauthentication-popup';
/** The callback page's message (the provider's answer), and the waiting window's receipt for it. */
export const CALLBACK_MESSAGE = 'masetra-sso-callback';
export const CALLBACK_ACK = 'masetra-sso-callback-received';
