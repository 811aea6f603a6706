import { AuthError } from './authError';
import type { AuthUser } from './authUser';
import type { AuthContext } from './internal/authContext';
import {
  checkPassword,
  checkSecondFactor,
  isPasswordExpired,
  refuseInactive,
} from './internal/credentialCheck';
import { clearFailedAttempts, releaseAttempt } from './internal/failedAttempts';
import { startSession } from './internal/sessions';

export interface LoginInput {
  /** The user id of 21 CFR 11.300: the e-mail, in any case. */
  email: string;
  password: string;
  /** The TOTP code, for an account with an authenticator. */
  otp?: string;
}

export interface LoginResult {
  /** JWT, 15 minutes by default; send as `Authorization: Bearer`. */
  accessToken: string;
  /** Opaque and single-use: `refresh` returns the next one. */
  refreshToken: string;
  user: AuthUser;
}

/**
 * Opens a session. Refuses with an {@link AuthError}: `invalid_credentials`, `account_locked`,
 * `account_inactive`, `password_change_required` (after an administrator's reset),
 * `password_expired`, `otp_required` or `invalid_otp`.
 *
 * @example
 * ```ts
 * const { accessToken, refreshToken, user } = await auth.login({ email, password, otp });
 * ```
 */
export async function login(ctx: AuthContext, input: LoginInput): Promise<LoginResult> {
  const check = await checkPassword(ctx, input.email, input.password);
  const { userId } = check.account;
  await refuseInactive(ctx, check);
  // Checked before the second factor: changing the password asks for the code anyway, and a code
  // is good only once.
  if (check.account.mustChangePassword || isPasswordExpired(ctx, check.account)) {
    await releaseAttempt(ctx, userId);
    throw new AuthError(check.account.mustChangePassword ? 'password_change_required' : 'password_expired');
  }
  await checkSecondFactor(ctx, check, input.otp);
  await clearFailedAttempts(ctx, userId);
  return startSession(ctx, userId);
}
