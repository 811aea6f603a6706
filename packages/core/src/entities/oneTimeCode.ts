import * as z from 'zod/mini';

/**
 * A one-time code from an authenticator app: 6 to 8 digits (TOTP, RFC 6238). The one pattern
 * every form, contract route and verifier checks a code against. For an HTML `pattern`
 * attribute use `OTP_PATTERN.source`.
 */
export const OTP_PATTERN = /^\d{6,8}$/;

/** A one-time code as the contract accepts it, e.g. the `otp` of a signature or a login. */
export const otpCodeSchema = z.string().check(z.regex(OTP_PATTERN));
