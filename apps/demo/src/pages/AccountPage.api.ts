// The reference server's account routes (core's `accountRoutes`, spread into `authRoutes`) and
// TOTP enrolment, called with the session's token; answers are checked against the contract,
// refusals are ProblemErrors, as from `@masetra/client`.
import { isProblemError } from '@masetra/client';
import { authRoutes } from '@masetra/core/auth';
import { callHostRoute } from '../session/callHostRoute';

export const accountApi = {
  setLocale: (locale: 'en' | 'de') => callHostRoute(authRoutes.setAccountLocale, { body: { locale } }),
  authenticator: () => callHostRoute(authRoutes.authenticatorStatus),
  beginTotp: (password: string) => callHostRoute(authRoutes.beginTotp, { body: { password } }),
  confirmTotp: (otp: string) => callHostRoute(authRoutes.confirmTotp, { body: { otp } }),
  removeAuthenticator: (password: string, code: string) =>
    callHostRoute(authRoutes.removeAuthenticator, { body: { password, code } }),
  regenerateRecoveryCodes: (password: string, code: string) =>
    callHostRoute(authRoutes.regenerateRecoveryCodes, { body: { password, code } }),
  sessions: () => callHostRoute(authRoutes.accountSessions),
  revokeSession: (id: string) => callHostRoute(authRoutes.revokeAccountSession, { params: { id } }),
  revokeOtherSessions: () => callHostRoute(authRoutes.revokeOtherAccountSessions),
  resetAuthenticator: (id: string, reason: string | undefined) =>
    callHostRoute(authRoutes.resetAuthenticator, { params: { id }, body: reason ? { reason } : {} }),
  revokeUserSessions: (id: string, reason: string | undefined) =>
    callHostRoute(authRoutes.revokeUserSessions, { params: { id }, body: reason ? { reason } : {} }),
  securityPolicy: () => callHostRoute(authRoutes.securityPolicy),
  setSecurityPolicy: (mfaRequired: 'off' | 'signers' | 'everyone', reason: string | undefined) =>
    callHostRoute(authRoutes.setSecurityPolicy, { body: reason ? { mfaRequired, reason } : { mfaRequired } }),
};

/** What to show for a refusal: the server's words (its detail, else its title, and field errors). */
export function problemText(error: unknown, fallback: string): string {
  if (isProblemError(error)) {
    const fields = error.errors.map((issue) => issue.detail).join(' ');
    return [error.detail ?? error.title, fields].filter(Boolean).join(' ');
  }
  return fallback;
}
