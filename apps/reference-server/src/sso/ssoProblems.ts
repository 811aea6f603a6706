import { HostProblemError } from '../http/sendProblem';

/** The stable codes single sign-on refuses with; a client branches on them, people read the detail. */
export type SsoProblemCode =
  | 'sso_not_configured'
  | 'sso_disabled'
  | 'sso_provider_unavailable'
  | 'sso_state_invalid'
  | 'sso_provider_error'
  | 'sso_token_invalid'
  | 'sso_email_missing'
  | 'sso_domain_not_allowed'
  | 'sso_jit_disabled'
  | 'sso_account_exists'
  | 'sso_user_inactive'
  | 'sso_not_linked'
  | 'sso_subject_mismatch'
  | 'sso_reauthentication_stale'
  | 'sso_domain_taken'
  | 'sso_client_secret_required';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication failed',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Validation failed',
  502: 'Identity provider unavailable',
};

export function ssoProblem(status: number, code: SsoProblemCode, detail: string): HostProblemError {
  return new HostProblemError({ status, title: titles[status] ?? 'Single sign-on failed', code, detail });
}
