/**
 * What never reaches a log line: credentials in headers (bearer tokens, cookies), and
 * passwords, one-time codes, tokens and set-up or reset links wherever they sit in what is logged.
 */
import type { Logger } from 'pino';

export const REDACTED = '[redacted]';

/** Field names whose values are secrets, at any of the first three levels of a log line. */
const secretFields = [
  'password',
  'currentPassword',
  'newPassword',
  'temporaryPassword',
  'otp',
  'token',
  'accessToken',
  'refreshToken',
  'setupLink',
  'resetLink',
  'secret',
  'authorization',
  'cookie',
];

const headerPaths = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

export const redactedPaths: readonly string[] = [
  ...headerPaths,
  ...secretFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/** A query parameter whose value is a credential (`?token=`, `?code=`), should a client send one. */
const secretParameter = /^(token|access_token|refresh_token|code|otp|password|secret)$/i;

/** A request URL with the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  let redacted = false;
  for (const name of new Set(params.keys())) {
    if (secretParameter.test(name)) {
      params.set(name, REDACTED);
      redacted = true;
    }
  }
  return redacted ? `${url.slice(0, queryStart)}?${params.toString()}` : url;
}

/**
 * The logger every part of the server logs through: a child of the host's logger with the
 * redaction above, whatever the host configured (a child's `redact` replaces its parent's).
 */
export function redactSecrets(logger: Logger): Logger {
  return logger.child({}, { redact: { paths: [...redactedPaths], censor: REDACTED } });
}
