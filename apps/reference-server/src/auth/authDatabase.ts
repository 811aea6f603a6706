/** The tables this module reads and owns, as Kysely sees them (snake_case, as stored). */
import type { ColumnType, Generated, Kysely } from 'kysely';

/** A timestamptz column: read as a Date, written as a Date. */
type Timestamp = ColumnType<Date, Date, Date>;
/** A jsonb column: read as parsed JSON, written as JSON text (`pg` would turn a bare array into a PostgreSQL array). */
type Jsonb<T> = ColumnType<T, string, string>;

/** server-kit's `users`, read only (but for `active`, which `deactivateUser` clears). */
export interface AuthUsersTable {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  active: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** server-kit's `user_roles`, read only. */
export interface AuthUserRolesTable {
  user_id: string;
  role: string;
}

export interface AuthCredentialsTable {
  user_id: string;
  /** argon2id, PHC string. */
  password_hash: string;
  password_changed_at: Timestamp;
  /** Earlier hashes, newest first, as many as the reuse rule needs. */
  password_history: Jsonb<string[]>;
  /** Set by an administrator's reset: the next password must be the user's own (PART11 18). */
  must_change_password: boolean;
  failed_attempts: number;
  locked_until: Timestamp | null;
  /** Base32 TOTP secret, once the user has proven their device with a code. */
  totp_secret: string | null;
  totp_confirmed_at: Timestamp | null;
  /** Offered by `beginTotpEnrolment`, not yet proven. */
  totp_pending_secret: string | null;
  /** The last accepted TOTP time step: a code is good once. */
  totp_last_time_step: number | null;
}

/** One login: the family of its refresh tokens, and the "continuous session" of 21 CFR 11.200(a)(1). */
export interface AuthSessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  /** The last authenticated request, written at most once a minute. */
  last_seen_at: Timestamp;
  /** Start of the current period of continuous activity: login, or the first request after an idle gap. */
  continuous_since: Timestamp;
  last_signed_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
  /** The browser or app that signed in (its User-Agent, cut to 300 characters); null before 0005. */
  user_agent: string | null;
  /** The client's address at sign-in; null before 0005. */
  ip_address: string | null;
}

export interface AuthRefreshTokensTable {
  id: string;
  user_id: string;
  /** The token family: every rotation of one login shares its session. */
  session_id: string;
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuthSecurityEventsTable {
  id: string;
  type: string;
  user_id: string | null;
  occurred_at: Timestamp;
  details: Jsonb<Record<string, unknown>>;
}

/** A single-use link to choose one's first password: only its hash is kept, and it is good once, until it expires. */
export interface AuthSetupTokensTable {
  id: string;
  user_id: string;
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  token_hash: string;
  created_at: Timestamp;
  /** Who issued it: an administrator's user id, or `system` for the command line. */
  created_by: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A single-use recovery code, in place of a TOTP code at login: only its SHA-256 (hex) is kept. */
export interface AuthRecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

/** An organization's rule for the second factor; no row is `off`. */
export interface AuthSecurityPoliciesTable {
  org_id: string;
  /** `off`, `signers` (the roles that sign) or `everyone`. */
  mfa_required: string;
  updated_at: Timestamp;
  updated_by: string;
}

/** Failed attempts of one account from one client address (0004): the backoff of `failedAttempts.ts`. */
export interface AuthLoginThrottleTable {
  user_id: string;
  /** The client address (`''` when the caller named none: a signature, a call from the host's code). */
  source: string;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  /** How often this pair was locked since its last success: each lock lasts twice the one before. */
  lockouts: Generated<number>;
  /** The last complete sign-in from this address: the account-wide ceiling does not lock it out. */
  last_success_at: Timestamp | null;
}

/** What a user chose for themselves (0007): the language of their e-mails and screens; no row is the default. */
export interface AuthUserPreferencesTable {
  user_id: string;
  /** `en` or `de` (core's `supportedLocales`). */
  locale: string;
  updated_at: Timestamp;
}

/** The `auth_` tables, for `db.withTables<AuthTables>()` when a host queries them itself. */
export type AuthTables = {
  auth_credentials: AuthCredentialsTable;
  auth_sessions: AuthSessionsTable;
  auth_refresh_tokens: AuthRefreshTokensTable;
  auth_security_events: AuthSecurityEventsTable;
  auth_setup_tokens: AuthSetupTokensTable;
  auth_login_throttle: AuthLoginThrottleTable;
  auth_recovery_codes: AuthRecoveryCodesTable;
  auth_security_policies: AuthSecurityPoliciesTable;
  auth_user_preferences: AuthUserPreferencesTable;
};

/** Everything the module touches: its own tables and the two user tables of server-kit. */
export type AuthDatabase = AuthTables & {
  users: AuthUsersTable;
  user_roles: AuthUserRolesTable;
};

export type AuthDb = Kysely<AuthDatabase>;
