/** The password rules of 21 CFR 11.300(b) and 11.300(d), with the signing idle period of 11.200(a)(1). */
export interface PasswordPolicy {
  /** Shortest password accepted, in characters (Unicode code points). */
  minLength: number;
  /** A password older than this must be changed before the next login or signature. */
  maxAgeDays: number;
  /** How many of the most recent passwords, the current one included, a new one may not repeat. */
  historySize: number;
  /**
   * Consecutive failed logins or signing attempts, from one client address, that lock the account
   * for that address; each further lock of the same address lasts twice as long.
   */
  maxFailedAttempts: number;
  /** The first lock's length; a lock doubles up to `maxLockoutMinutes`. */
  lockoutMinutes: number;
  maxLockoutMinutes: number;
  /**
   * Failed attempts from all addresses together that lock the account for every address from
   * which it never signed in (the ceiling on guessing from many addresses).
   */
  maxFailedAttemptsPerAccount: number;
  /** Inactivity after which the next signature needs user name and password again. */
  signingIdleMinutes: number;
}

export const defaultPasswordPolicy: PasswordPolicy = {
  minLength: 12,
  maxAgeDays: 90,
  historySize: 5,
  maxFailedAttempts: 5,
  lockoutMinutes: 15,
  maxLockoutMinutes: 24 * 60,
  maxFailedAttemptsPerAccount: 20,
  signingIdleMinutes: 30,
};

/** Longer inputs only cost hashing time; no human types a password this long. */
export const MAX_PASSWORD_LENGTH = 1024;
