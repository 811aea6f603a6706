/** Stands where a revoked password was: no password verifies against a string that is no argon2 hash. */
export const REVOKED_PASSWORD_HASH = '!revoked';
