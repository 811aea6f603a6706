/**
 * Why an authentication call was refused, with the HTTP status a route should answer with.
 * One table, so routes and tests never guess a status from a message.
 */
export const authErrorStatus = {
  /** Unknown e-mail and wrong password look the same, so an attacker cannot list accounts. */
  invalid_credentials: 401,
  account_locked: 423,
  otp_required: 401,
  invalid_otp: 401,
  account_inactive: 403,
  password_expired: 403,
  /** After an administrator's reset: the user must choose their own password first (PART11 18). */
  password_change_required: 403,
  /**
   * A temporary password an administrator chose (before set-up links): the administrator knows
   * it, so it opens nothing; its owner asks for a link to choose their own.
   */
  password_reset_required: 403,
  password_too_short: 422,
  password_too_long: 422,
  password_reused: 422,
  invalid_refresh_token: 401,
  totp_already_enrolled: 409,
  totp_enrolment_not_started: 409,
  user_not_found: 404,
  credentials_exist: 409,
  /** Unknown, used or expired: a set-up link is a credential, good once. */
  setup_link_invalid: 401,
  /** Unknown, already used, or not the user's own: a recovery code is good once. */
  invalid_recovery_code: 401,
  totp_not_enrolled: 409,
  /** Not one of the caller's sessions, or ended already. */
  session_not_found: 404,
} as const;

export type AuthErrorCode = keyof typeof authErrorStatus;

const messages: Record<AuthErrorCode, string> = {
  invalid_credentials: 'The e-mail or password is not correct.',
  account_locked: 'The account is locked after repeated failed attempts. Try again later.',
  otp_required: 'A one-time code from your authenticator app is required.',
  invalid_otp: 'The one-time code is not correct.',
  account_inactive: 'The account is deactivated.',
  password_expired: 'The password has expired and must be changed.',
  password_change_required: 'The password was reset by an administrator and must be changed.',
  password_reset_required:
    'This password was set by an administrator and can no longer be used. Ask for a link to choose your own password ("Forgot password").',
  password_too_short: 'The new password is too short.',
  password_too_long: 'The new password is too long.',
  password_reused: 'The new password was used recently.',
  invalid_refresh_token: 'The session has ended. Sign in again.',
  totp_already_enrolled: 'An authenticator is already enrolled.',
  totp_enrolment_not_started: 'No authenticator enrolment is in progress.',
  user_not_found: 'No such user.',
  credentials_exist: 'The user already has a password.',
  setup_link_invalid:
    'The set-up link is not valid: it was used or has expired. Ask an administrator for a new one.',
  invalid_recovery_code: 'The recovery code is not correct, or it was used already.',
  totp_not_enrolled: 'No authenticator is enrolled.',
  session_not_found: 'No such session, or it has ended already.',
};

/** A refused authentication call: a typed `code`, never a string to parse. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly code: AuthErrorCode;
  readonly status: (typeof authErrorStatus)[AuthErrorCode];

  constructor(code: AuthErrorCode) {
    super(messages[code]);
    this.code = code;
    this.status = authErrorStatus[code];
  }
}

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}
