/** Types */

export type { AccountSession, RevokeUserSessionsOptions } from './accountSessions';
export { describeDevice } from './accountSessions';
export type { IssueSetupTokenOptions, SetUpAccountInput, SetupLinkToken } from './accountSetup';
export type { AuthDatabase, AuthTables } from './authDatabase';
export type { AuthErrorCode } from './authError';
export { AuthError, authErrorStatus, isAuthError } from './authError';
export type { AuthUser } from './authUser';
export type { ChangePasswordWithCurrentInput } from './changePasswordWithCurrent';
export type { AuthService, AuthServiceOptions } from './createAuthService';
/** Core */
export { createAuthService } from './createAuthService';
export type { CreateCredentialsOptions } from './createCredentials';
export type { DeactivateUserOptions } from './deactivateUser';
export type { InTransaction } from './inTransaction';
export type { LockoutNotice } from './internal/failedAttempts';
export type { TotpKey } from './internal/totpSecretBox';
export type { LoginInput, LoginResult } from './login';
export type { LogoutInput } from './logout';
export type { MfaRequirement, SecurityPolicy, SetSecurityPolicyInput } from './mfaPolicy';
export { mfaRequirements, signingRolesOf } from './mfaPolicy';
export { migrateAuth } from './migrateAuth';
export type { PasswordHashingOptions } from './passwordHashingOptions';
export type { PasswordPolicy } from './passwordPolicy';
export { defaultPasswordPolicy } from './passwordPolicy';
export type { ResealResult } from './resealTotpSecrets';
export type {
  LoginFailureReason,
  SecurityEvent,
  SecurityEventListener,
  SecurityEventType,
  SessionRevokedReason,
  SigningFailureReason,
} from './securityEvent';
export type { SetPasswordOptions } from './setPassword';
export type { BeginTotpEnrolmentOptions, SecondFactorProof, TotpEnrolment } from './totpEnrolment';
export { localeOf, localesOf, setLocale } from './userLocale';
export type { AuthPrincipal } from './verifyAccessToken';
export type { SigningRefusal, VerifySignerInput, VerifySignerResult } from './verifySigner';
export { signingNeedsUsername } from './verifySigner';
