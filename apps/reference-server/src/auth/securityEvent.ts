/**
 * What the module tells a host's security monitoring (PART11 24): every event is stored in
 * `auth_security_events` and handed to `onSecurityEvent`, so a host can route it to an alert.
 */
export type SecurityEvent =
  | { type: 'login.succeeded'; userId: string; sessionId: string; at: Date }
  | { type: 'login.failed'; userId: string | null; email: string; reason: LoginFailureReason; at: Date }
  | {
      type: 'account.locked';
      userId: string;
      until: Date;
      /** `address`: locked for the address that failed; `account`: for every address it never signed in from. */
      scope: 'address' | 'account';
      /** The client address that failed, when known. */
      source: string | null;
      at: Date;
    }
  | {
      type: 'signing.failed';
      userId: string;
      sessionId: string | null;
      reason: SigningFailureReason;
      at: Date;
    }
  | { type: 'refresh.reuse_detected'; userId: string; sessionId: string; at: Date }
  | { type: 'session.revoked'; userId: string; sessionId: string; reason: SessionRevokedReason; at: Date }
  | {
      type: 'password.changed';
      userId: string;
      by: 'self' | 'admin';
      actorId: string | null;
      reason?: string | null;
      at: Date;
    }
  | { type: 'user.deactivated'; userId: string; actorId: string | null; reason: string | null; at: Date }
  | { type: 'totp.enrolled'; userId: string; at: Date }
  | { type: 'totp.reset'; userId: string; actorId: string | null; reason?: string | null; at: Date }
  /** The user removed their own authenticator, with password and code. */
  | { type: 'totp.removed'; userId: string; at: Date }
  | { type: 'recovery_codes.generated'; userId: string; count: number; at: Date }
  /** A recovery code opened a login in place of a TOTP code: the device may be lost. */
  | { type: 'recovery_code.used'; userId: string; sessionId: string | null; remaining: number; at: Date }
  | {
      type: 'mfa_policy.changed';
      userId: string;
      orgId: string;
      from: MfaRequirement;
      to: MfaRequirement;
      reason: string | null;
      at: Date;
    }
  // Access rights (PART11 23): who was given or lost what, by whom, and why.
  | {
      type: 'user.created';
      userId: string;
      actorId: string;
      roles: string[];
      reason: string | null;
      at: Date;
    }
  | { type: 'role.granted'; userId: string; actorId: string; role: string; reason: string | null; at: Date }
  | { type: 'role.revoked'; userId: string; actorId: string; role: string; reason: string | null; at: Date }
  | {
      type: 'user.renamed';
      userId: string;
      actorId: string;
      from: string;
      to: string;
      reason: string | null;
      at: Date;
    }
  | { type: 'user.reactivated'; userId: string; actorId: string; reason: string | null; at: Date }
  | { type: 'password.revoked'; userId: string; actorId: string; reason: string | null; at: Date }
  | { type: 'setup_link.issued'; userId: string; actorId: string; expiresAt: Date; at: Date }
  /** An administrator of another organization tried to create a user with this person's address: nothing was created. */
  | { type: 'user.address_in_use'; userId: string; actorId: string; actorOrgId: string; at: Date }
  | { type: 'account.set_up'; userId: string; at: Date }
  // Single sign-on: a refused sign-in (a token for another client, a domain not allowed, a replayed answer …)
  | { type: 'sso.login_refused'; userId: string | null; email: string | null; code: string; at: Date }
  // An administrator changed the organization's identity provider (also in the audit trail).
  | { type: 'sso.settings_changed'; userId: string; orgId: string; fields: string[]; at: Date };

/** Whose accounts need a second factor: no one, the roles that sign, or everyone. */
export type MfaRequirement = 'off' | 'signers' | 'everyone';

export type SecurityEventType = SecurityEvent['type'];

export type LoginFailureReason = 'unknown_email' | 'wrong_password' | 'invalid_otp' | 'locked' | 'inactive';

export type SigningFailureReason =
  | 'wrong_username'
  | 'wrong_password'
  | 'invalid_otp'
  | 'locked'
  // Single sign-on: a proof unknown, used or of another session; a re-authentication no longer fresh.
  | 'sso_proof_invalid'
  | 'sso_reauthentication_stale';

/** Why a session ended; stored on the session row as `revoked_reason`. */
export type SessionRevokedReason =
  | 'logout'
  | 'refresh_reuse'
  | 'user_deactivated'
  | 'password_changed'
  | 'password_reset'
  /** The user ended it from their account page. */
  | 'revoked_by_user'
  /** An administrator ended it. */
  | 'revoked_by_admin'
  /** Its absolute lifetime was over. */
  | 'session_expired'
  /** The user removed their authenticator: every other session ends with it. */
  | 'authenticator_removed';

export type SecurityEventListener = (event: SecurityEvent) => void;
