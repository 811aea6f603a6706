import type { AuthUser } from './authUser';
import type { AuthContext } from './internal/authContext';
import { checkPassword, checkSecondFactor, refuseAccountState } from './internal/credentialCheck';
import { clearFailedAttempts } from './internal/failedAttempts';
import type { SessionClient } from './internal/sessions';
import { startSession } from './internal/sessions';
import { checkRecoveryCode } from './recoveryCodeLogin';

export interface LoginInput {
  /** The user id of 21 CFR 11.300: the e-mail, in any case. */
  email: string;
  password: string;
  /** The TOTP code, for an account with an authenticator. */
  otp?: string;
  /** One of the account's single-use recovery codes, in place of `otp` (a lost authenticator). */
  recoveryCode?: string;
  /** The device and address the account page shows for the session. */
  client?: SessionClient;
  /**
   * The client's address, as the HTTP layer sees it (under `trust proxy`): failed attempts are
   * counted per account and address, so one address's guesses do not lock the owner out of
   * theirs. `client.address` when left out.
   */
  source?: string;
}

export interface LoginResult {
  /** JWT, 15 minutes by default; send as `Authorization: Bearer`. */
  accessToken: string;
  /** Opaque and single-use: `refresh` returns the next one. */
  refreshToken: string;
  user: AuthUser;
}

/**
 * Opens a session. Refuses with an `AuthError`: `invalid_credentials` (also while the
 * account is locked for this address: the owner is told by e-mail), `otp_required` or
 * `invalid_otp`; and only once both factors are proven, `account_inactive`,
 * `password_reset_required` (a password an administrator chose) or `password_expired`.
 *
 * @example
 * ```ts
 * const { accessToken, refreshToken, user } = await auth.login({ email, password, otp, source: req.ip });
 * ```
 */
export async function login(ctx: AuthContext, input: LoginInput): Promise<LoginResult> {
  const source = input.source ?? input.client?.address ?? undefined;
  const check = await checkPassword(ctx, input.email, input.password, source);
  // The account's state is told only to whoever proved both factors; a refusal there leaves a
  // TOTP code unspent, for the password change that follows.
  if (input.recoveryCode !== undefined && input.recoveryCode !== '') {
    await checkRecoveryCode(ctx, check, input.recoveryCode, check.source);
    await refuseAccountState(ctx, check);
  } else {
    await checkSecondFactor(ctx, check, input.otp, () => refuseAccountState(ctx, check));
  }
  await clearFailedAttempts(ctx, check.account.userId, check.source);
  return startSession(ctx, check.account.userId, input.client);
}
