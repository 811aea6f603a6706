import { builtInRegistry } from '@masetra/core';
import type { Kysely, Transaction } from 'kysely';
import type { AccountSession, RevokeUserSessionsOptions } from './accountSessions';
import { listSessions, revokeAllSessions, revokeOtherSessions, revokeOwnSession } from './accountSessions';
import type { IssueSetupTokenOptions, SetUpAccountInput, SetupLinkToken } from './accountSetup';
import { issueSetupToken, setUpAccount } from './accountSetup';
import type { AuthDatabase, AuthDb } from './authDatabase';
import type { AuthUser } from './authUser';
import { getUser } from './authUser';
import type { ChangePasswordWithCurrentInput } from './changePasswordWithCurrent';
import { changePasswordWithCurrent } from './changePasswordWithCurrent';
import type { CreateCredentialsOptions } from './createCredentials';
import { createCredentials } from './createCredentials';
import type { DeactivateUserOptions } from './deactivateUser';
import { deactivateUser } from './deactivateUser';
import type { InTransaction } from './inTransaction';
import type { AuthContext, RecoveryCodeUsedHook } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import type { LockoutNotice } from './internal/failedAttempts';
import { createDecoyHash } from './internal/passwordHashing';
import { remainingRecoveryCodes } from './internal/recoveryCodes';
import { startSession } from './internal/sessions';
import { createTotpKeyRing, type TotpKey } from './internal/totpSecretBox';
import type { LoginInput, LoginResult } from './login';
import { login } from './login';
import type { LogoutInput } from './logout';
import { logout } from './logout';
import type { SecurityPolicy, SetSecurityPolicyInput } from './mfaPolicy';
import { getSecurityPolicy, setSecurityPolicy, signingRolesOf } from './mfaPolicy';
import type { PasswordHashingOptions } from './passwordHashingOptions';
import { defaultPasswordHashing } from './passwordHashingOptions';
import type { PasswordPolicy } from './passwordPolicy';
import { defaultPasswordPolicy } from './passwordPolicy';
import { refresh } from './refresh';
import { type ResealResult, resealTotpSecrets } from './resealTotpSecrets';
import type { SecurityEvent, SecurityEventListener } from './securityEvent';
import type { SetPasswordOptions } from './setPassword';
import { setPassword } from './setPassword';
import type { BeginTotpEnrolmentOptions, SecondFactorProof, TotpEnrolment } from './totpEnrolment';
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  regenerateRecoveryCodes,
  removeAuthenticator,
  resetTotp,
} from './totpEnrolment';
import type { AuthPrincipal } from './verifyAccessToken';
import { verifyAccessToken } from './verifyAccessToken';
import type { VerifySignerInput, VerifySignerResult } from './verifySigner';
import { verifySigner } from './verifySigner';

export interface AuthServiceOptions<DB> {
  /** The host's Kysely, migrated by server-kit and by {@link migrateAuth}. */
  db: Kysely<DB>;
  /** HS256 key of the access tokens: at least 32 random bytes, the same in every process. */
  jwtSecret: Uint8Array;
  /** Server time; tests pass a clock they can move. */
  clock?: () => Date;
  policy?: Partial<PasswordPolicy>;
  /** Every security event, after it is stored: route `account.locked` and the like to an alert. */
  onSecurityEvent?: SecurityEventListener;
  /** argon2id cost of new hashes; tests pass a light one. */
  passwordHashing?: Partial<PasswordHashingOptions>;
  /** Default 900 (15 minutes). */
  accessTokenTtlSeconds?: number;
  /** Lifetime of each refresh token from its issue (the idle lifetime of a session); default 43 200 (12 hours). */
  refreshTokenTtlSeconds?: number;
  /** A session's absolute lifetime from its login, however active; default 43 200 (12 hours). */
  sessionMaxAgeSeconds?: number;
  /**
   * The roles an MFA policy of `signers` covers; by default those the built-in permission matrix
   * lets take a signed lifecycle step. A host with its own record types passes `signingRolesOf(registry)`.
   */
  signingRoles?: readonly string[];
  /** The host's audit-trail entry when a recovery code opens a login, in the transaction that spends it. */
  onRecoveryCodeUsed?: RecoveryCodeUsedHook;
  /** How long a set-up link stays good; default 259 200 (72 hours). */
  setupLinkTtlSeconds?: number;
  /** The name an authenticator app shows; default "Masetra". */
  totpIssuer?: string;
  /**
   * The keys that seal TOTP secrets at rest, separate from `jwtSecret`: the first seals, all
   * open (`MASETRA_TOTP_KEY`). Without any, a key derived from `jwtSecret` seals, as before.
   */
  totpKeys?: readonly TotpKey[];
  /**
   * Tells an account's owner that failed attempts locked it (the reference server e-mails them
   * through the outbox); runs in the transaction that writes the lock.
   */
  lockoutNotice?: (trx: Transaction<AuthDatabase>, notice: LockoutNotice) => Promise<void>;
}

/** The reference server's authentication: login, tokens, passwords, TOTP and signer verification. */
export interface AuthService {
  readonly policy: Readonly<PasswordPolicy>;
  login(input: LoginInput): Promise<LoginResult>;
  refresh(refreshToken: string): Promise<LoginResult>;
  logout(input: LogoutInput): Promise<void>;
  verifyAccessToken(accessToken: string): Promise<AuthPrincipal | null>;
  getUser(userId: string): Promise<AuthUser | null>;
  createCredentials(userId: string, password: string, options?: CreateCredentialsOptions): Promise<void>;
  setPassword(userId: string, newPassword: string, options: SetPasswordOptions): Promise<void>;
  changePasswordWithCurrent(input: ChangePasswordWithCurrentInput): Promise<LoginResult>;
  beginTotpEnrolment(userId: string, options?: BeginTotpEnrolmentOptions): Promise<TotpEnrolment>;
  /** Returns ten single-use recovery codes, shown this once. */
  confirmTotpEnrolment(userId: string, code: string): Promise<{ recoveryCodes: string[] }>;
  /** The user removes their own authenticator (and recovery codes) with password and code. */
  removeAuthenticator(userId: string, proof: SecondFactorProof): Promise<void>;
  regenerateRecoveryCodes(userId: string, proof: SecondFactorProof): Promise<{ recoveryCodes: string[] }>;
  /** How many of the user's recovery codes are unused. */
  recoveryCodesRemaining(userId: string): Promise<number>;
  /** The user's open sessions, newest first; `current` marks `currentSessionId`. */
  listSessions(userId: string, currentSessionId: string | null): Promise<AccountSession[]>;
  /** Ends one of the user's own sessions (`session_not_found` for any other). */
  revokeSession(userId: string, sessionId: string): Promise<void>;
  /** Ends every session of the user but the current one; returns how many. */
  revokeOtherSessions(userId: string, currentSessionId: string): Promise<number>;
  /** An administrator ends every session of a user; returns how many. */
  revokeAllSessions(userId: string, options: RevokeUserSessionsOptions): Promise<number>;
  getSecurityPolicy(orgId: string): Promise<SecurityPolicy>;
  setSecurityPolicy(input: SetSecurityPolicyInput): Promise<SecurityPolicy>;
  resetTotp(
    userId: string,
    options?: { actorId?: string; reason?: string | null; inTransaction?: InTransaction },
  ): Promise<void>;
  verifySigner(input: VerifySignerInput): Promise<VerifySignerResult>;
  /** Signs in a user someone else authenticated (the identity provider of single sign-on): a new session. */
  startSession(userId: string): Promise<LoginResult>;
  deactivateUser(userId: string, options?: DeactivateUserOptions): Promise<void>;
  /** A single-use set-up link's token for the user; an earlier unused one stops working. */
  issueSetupToken(userId: string, options: IssueSetupTokenOptions): Promise<SetupLinkToken>;
  /** The holder of a set-up link chooses their password, and is signed in. */
  setUpAccount(
    input: SetUpAccountInput,
    inTransaction?: Parameters<typeof setUpAccount>[2],
  ): Promise<LoginResult>;
  /** Stores a security event the host observed (a role granted, a user created) and hands it to `onSecurityEvent`. */
  reportSecurityEvent(event: SecurityEvent): Promise<void>;
  /** Moves every TOTP secret onto the current key of `totpKeys` (run at start; see `resealTotpSecrets`). */
  resealTotpSecrets(): Promise<ResealResult>;
}

const MIN_JWT_SECRET_BYTES = 32;

/**
 * Builds the service over the host's database. Run {@link migrateAuth} first.
 *
 * @example
 * ```ts
 * const auth = createAuthService({
 *   db: storage.db,
 *   jwtSecret: Buffer.from(process.env.JWT_SECRET!, 'base64'),
 *   onSecurityEvent: (event) => logger.warn(event, 'security event'),
 * });
 * const { accessToken } = await auth.login({ email, password });
 * ```
 */
export function createAuthService<DB>(options: AuthServiceOptions<DB>): AuthService {
  // An HMAC key shorter than its hash output weakens HS256 (RFC 7518 3.2).
  if (options.jwtSecret.byteLength < MIN_JWT_SECRET_BYTES) {
    throw new RangeError(`jwtSecret must be at least ${MIN_JWT_SECRET_BYTES} bytes`);
  }
  const policy: PasswordPolicy = { ...defaultPasswordPolicy, ...options.policy };
  const hashing: PasswordHashingOptions = { ...defaultPasswordHashing, ...options.passwordHashing };
  const ctx: AuthContext = {
    // The host's Kysely is typed for its schema; this module reads only the tables it declares.
    db: options.db as unknown as AuthDb,
    jwtSecret: options.jwtSecret,
    clock: options.clock ?? (() => new Date()),
    policy,
    hashing,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 900,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 43_200,
    sessionMaxAgeSeconds: options.sessionMaxAgeSeconds ?? 43_200,
    signingRoles: options.signingRoles ?? signingRolesOf(builtInRegistry),
    onRecoveryCodeUsed: options.onRecoveryCodeUsed,
    setupLinkTtlSeconds: options.setupLinkTtlSeconds ?? 259_200,
    totpIssuer: options.totpIssuer ?? 'Masetra',
    totpKey: createTotpKeyRing(options.jwtSecret, options.totpKeys),
    lockoutNotice: options.lockoutNotice,
    decoyHash: createDecoyHash(hashing),
    onSecurityEvent: options.onSecurityEvent,
  };
  return {
    policy: Object.freeze({ ...policy }),
    login: (input) => login(ctx, input),
    refresh: (refreshToken) => refresh(ctx, refreshToken),
    logout: (input) => logout(ctx, input),
    verifyAccessToken: (accessToken) => verifyAccessToken(ctx, accessToken),
    getUser: (userId) => getUser(ctx, userId),
    createCredentials: (userId, password, createOptions) =>
      createCredentials(ctx, userId, password, createOptions),
    setPassword: (userId, newPassword, setOptions) => setPassword(ctx, userId, newPassword, setOptions),
    changePasswordWithCurrent: (input) => changePasswordWithCurrent(ctx, input),
    beginTotpEnrolment: (userId, beginOptions) => beginTotpEnrolment(ctx, userId, beginOptions),
    confirmTotpEnrolment: (userId, code) => confirmTotpEnrolment(ctx, userId, code),
    removeAuthenticator: (userId, proof) => removeAuthenticator(ctx, userId, proof),
    regenerateRecoveryCodes: (userId, proof) => regenerateRecoveryCodes(ctx, userId, proof),
    recoveryCodesRemaining: (userId) => remainingRecoveryCodes(ctx, userId),
    listSessions: (userId, currentSessionId) => listSessions(ctx, userId, currentSessionId),
    revokeSession: (userId, sessionId) => revokeOwnSession(ctx, userId, sessionId),
    revokeOtherSessions: (userId, currentSessionId) => revokeOtherSessions(ctx, userId, currentSessionId),
    revokeAllSessions: (userId, revokeOptions) => revokeAllSessions(ctx, userId, revokeOptions),
    getSecurityPolicy: (orgId) => getSecurityPolicy(ctx, orgId),
    setSecurityPolicy: (input) => setSecurityPolicy(ctx, input),
    resetTotp: (userId, resetOptions) => resetTotp(ctx, userId, resetOptions),
    verifySigner: (input) => verifySigner(ctx, input),
    startSession: (userId) => startSession(ctx, userId),
    deactivateUser: (userId, deactivateOptions) => deactivateUser(ctx, userId, deactivateOptions),
    issueSetupToken: (userId, issueOptions) => issueSetupToken(ctx, userId, issueOptions),
    setUpAccount: (input, inTransaction) => setUpAccount(ctx, input, inTransaction),
    reportSecurityEvent: (event) => emitSecurityEvent(ctx, event),
    resealTotpSecrets: () => resealTotpSecrets(ctx),
  };
}
