/**
 * No answer came: the connection failed or timed out, after any retries. Whether the server
 * acted is unknown; a create is safe to repeat with the same `idempotencyKey`.
 */
export class NetworkError extends Error {
  override name = 'NetworkError';

  constructor(
    message: string,
    /** True when the request timed out rather than failed to connect. */
    readonly timedOut: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError;
}
