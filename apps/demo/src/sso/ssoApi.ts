// The reference server's single sign-on routes (core's contract, `sso.*`), called from the demo
// with the session's token; answers are checked against the contract, refusals are ProblemErrors.
import { authRoutes, type SsoOidcSettingsInput, type Tokens } from '@masetra/core/auth';
import { callHostRoute } from '../session/callHostRoute';

export const ssoApi = {
  start: (email: string) => callHostRoute(authRoutes.ssoStart, { body: { email } }),
  complete: (callbackQuery: string) =>
    callHostRoute(authRoutes.ssoComplete, { body: { callbackQuery } }) as Promise<Tokens>,
  signing: () => callHostRoute(authRoutes.ssoSigning),
  reauthenticate: () => callHostRoute(authRoutes.ssoReauthenticate),
  completeReauthentication: (callbackQuery: string) =>
    callHostRoute(authRoutes.ssoCompleteReauthentication, { body: { callbackQuery } }),
  settings: () => callHostRoute(authRoutes.ssoSettings),
  saveSettings: (input: SsoOidcSettingsInput) => callHostRoute(authRoutes.ssoSaveSettings, { body: input }),
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
