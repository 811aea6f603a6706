import type { Kysely } from 'kysely';
import type { IssueSetupTokenOptions, SetUpAccountInput, SetupLinkToken } from './accountSetup';
import { issueSetupToken, setUpAccount } from './accountSetup';
import type { AuthDb } from './authDatabase';
import type { AuthUser } from './authUser';
import { getUser } from './authUser';
import type { ChangePasswordWithCurrentInput } from './changePasswordWithCurrent';
import { changePasswordWithCurrent } from './changePasswordWithCurrent';
import type { CreateCredentialsOptions } from './createCredentials';
import { createCredentials } from './createCredentials';
import type { DeactivateUserOptions } from './deactivateUser';
import { deactivateUser } from './deactivateUser';
import type { InTransaction } from './inTransaction';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import { createDecoyHash } from './internal/passwordHashing';
import { startSession } from './internal/sessions';
import { totpSecretKey } from './internal/totpSecretBox';
import type { LoginInput, LoginResult } from './login';
import { login } from './login';
import type { LogoutInput } from './logout';
import { logout } from './logout';
import type { PasswordHashingOptions } from './passwordHashingOptions';
import { defaultPasswordHashing } from './passwordHashingOptions';
import type { PasswordPolicy } from './passwordPolicy';
import { defaultPasswordPolicy } from './passwordPolicy';
import { refresh } from './refresh';
import type { SecurityEvent, SecurityEventListener } from './securityEvent';
import type { SetPasswordOptions } from './setPassword';
import { setPassword } from './setPassword';
import type { TotpEnrolment } from './totpEnrolment';
import { beginTotpEnrolment, confirmTotpEnrolment, resetTotp } from './totpEnrolment';
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
  /** Lifetime of each refresh token from its issue; default 43 200 (12 hours). */
  refreshTokenTtlSeconds?: number;
  /** How long a set-up link stays good; default 259 200 (72 hours). */
  setupLinkTtlSeconds?: number;
  /** The name an authenticator app shows; default "Masetra". */
  totpIssuer?: string;
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
  beginTotpEnrolment(userId: string): Promise<TotpEnrolment>;
  confirmTotpEnrolment(userId: string, code: string): Promise<void>;
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
    setupLinkTtlSeconds: options.setupLinkTtlSeconds ?? 259_200,
    totpIssuer: options.totpIssuer ?? 'Masetra',
    totpKey: totpSecretKey(options.jwtSecret),
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
    beginTotpEnrolment: (userId) => beginTotpEnrolment(ctx, userId),
    confirmTotpEnrolment: (userId, code) => confirmTotpEnrolment(ctx, userId, code),
    resetTotp: (userId, resetOptions) => resetTotp(ctx, userId, resetOptions),
    verifySigner: (input) => verifySigner(ctx, input),
    startSession: (userId) => startSession(ctx, userId),
    deactivateUser: (userId, deactivateOptions) => deactivateUser(ctx, userId, deactivateOptions),
    issueSetupToken: (userId, issueOptions) => issueSetupToken(ctx, userId, issueOptions),
    setUpAccount: (input, inTransaction) => setUpAccount(ctx, input, inTransaction),
    reportSecurityEvent: (event) => emitSecurityEvent(ctx, event),
  };
}
