// One request of the contract: validate, send with ky, map failures to typed errors, validate the answer.
import { type Problem, problemSchema, type RouteDefinition } from '@masetra/core';
import ky, { isHTTPError, isNetworkError as isKyNetworkError, isTimeoutError } from 'ky';
import type { RouteResponse } from '../contractTypes';
import { ClientValidationError } from '../errors/ClientValidationError';
import { NetworkError } from '../errors/NetworkError';
import { ProblemError } from '../errors/ProblemError';
import { ResponseValidationError } from '../errors/ResponseValidationError';
import { expandPath } from './expandPath';
import { validate } from './validate';

/** How failed requests are retried: network failures and 502, 503, 504, with exponential backoff. */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2; `0` turns retries off. */
  limit?: number;
  /** Delay in ms before retry `attempt` (from 1). Default `0.3 * 2 ** (attempt - 1) * 1000`. */
  delay?: (attempt: number) => number;
  /** Upper bound of one delay in ms. */
  backoffLimit?: number;
  /** Randomise delays so many clients do not retry in step. */
  jitter?: boolean;
  /** Upper bound in ms of a wait a `Retry-After` header asks for. Default 60 000. */
  maxRetryAfter?: number;
}

/** Supplies the bearer token; `null` or `undefined` sends none. */
export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

export interface TransportOptions {
  baseUrl: string;
  getToken?: TokenSource;
  fetch?: typeof globalThis.fetch;
  retry?: number | RetryPolicy;
  source?: string;
  timeout?: number | false;
}

/** What one call adds to its route: the values to validate and the headers that vary per call. */
export interface Call {
  params?: Record<string, unknown>;
  query?: unknown;
  body?: unknown;
  /** A raw upload, sent as the body with its Content-Type and percent-encoded X-File-Name. */
  file?: { data: Blob | Uint8Array; fileName: string; contentType: string };
  ifMatch?: number | undefined;
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
}

export type Transport = <R extends RouteDefinition>(
  route: R,
  call?: Call,
) => Promise<{ data: RouteResponse<R>; response: Response }>;

const retriedStatuses = [502, 503, 504];

/** Codes a bare status implies when a server (or a proxy) sends none. */
const impliedCodes: Record<number, string> = { 412: 'stale_version', 428: 'if_match_required' };

function checked(route: RouteDefinition, schema: RouteDefinition['body'], value: unknown): unknown {
  if (!schema) return undefined;
  const result = validate(schema, value);
  if (result.issues) throw new ClientValidationError(route.id, result.issues);
  return result.data;
}

/** A non-2xx answer as a ProblemError, whether or not its body is problem+json. */
export function problemErrorOf(response: Response, body: unknown): ProblemError {
  const parsed = problemSchema.safeParse(body);
  // The body is spread too, so RFC 9457 extension members survive in `problem`.
  const problem: Problem = parsed.success
    ? { ...(body as object), ...parsed.data, status: response.status }
    : {
        type: 'about:blank',
        title: response.statusText || `HTTP ${response.status}`,
        status: response.status,
      };
  problem.code ??= impliedCodes[response.status];
  return new ProblemError(problem);
}

function clientErrorOf(error: unknown): unknown {
  if (isHTTPError(error)) return problemErrorOf(error.response, error.data);
  if (isKyNetworkError(error) || isTimeoutError(error)) {
    return new NetworkError(error.message, isTimeoutError(error), { cause: error });
  }
  return error;
}

export function createTransport(options: TransportOptions): Transport {
  const { limit = 2, ...backoff } =
    typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const api = ky.create({
    prefix: options.baseUrl,
    fetch: options.fetch,
    timeout: options.timeout ?? 30_000,
  });

  return async (route, call = {}) => {
    const { signal } = call;
    signal?.throwIfAborted();
    const params = checked(route, route.params, call.params) as Record<string, unknown> | undefined;
    const query = checked(route, route.query, call.query ?? {}) as
      | Record<string, string | number>
      | undefined;
    const json = checked(route, route.body, call.body ?? {});

    const kind = route.responseKind ?? 'json';
    const headers: Record<string, string> =
      kind === 'json' ? { accept: 'application/json, application/problem+json' } : {};
    // A public route carries its own credentials (or needs none): no session token goes with it.
    const token = route.public ? undefined : await options.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.source) headers['x-masetra-source'] = options.source;
    // Every POST carries a key; set once here, ky's retries resend the same one.
    // A POST, or any write the server replays by key (removing a link), so a retry is answered as the first try.
    if (route.method === 'POST' || (route.idempotent && route.method !== 'GET'))
      headers['idempotency-key'] = call.idempotencyKey ?? crypto.randomUUID();
    if (call.ifMatch !== undefined) headers['if-match'] = `"${call.ifMatch}"`;
    if (call.file) {
      headers['content-type'] = call.file.contentType;
      headers['x-file-name'] = encodeURIComponent(call.file.fileName);
    }
    // A retry is safe where a repeat cannot act twice: reads, writes de-duplicated by their
    // Idempotency-Key, and writes guarded by If-Match (a repeat after success answers 412).
    const retryable = route.method === 'GET' || route.idempotent || route.requiresIfMatch;

    let response: Response;
    try {
      response = await api(expandPath(route.path, params), {
        method: route.method,
        searchParams: query,
        json: call.file ? undefined : json,
        // Any Uint8Array is a valid fetch body; lib.dom only types those over an ArrayBuffer.
        body: call.file?.data as BodyInit | undefined,
        headers,
        signal,
        // Files may take longer than a JSON call; the caller's signal bounds them instead.
        ...(route.bodyKind === 'binary' || kind !== 'json' ? { timeout: false } : {}),
        retry: retryable
          ? {
              maxRetryAfter: 60_000,
              ...backoff,
              limit,
              methods: [route.method.toLowerCase()],
              statusCodes: retriedStatuses,
              retryOnTimeout: true,
            }
          : 0,
      });
    } catch (error) {
      throw clientErrorOf(error);
    }

    if (kind === 'binary') return { data: (await response.blob()) as RouteResponse<typeof route>, response };
    const text = await response.text();
    let body: unknown = text;
    if (kind === 'json') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ResponseValidationError(
          route.id,
          response.status,
          [{ pointer: '', detail: 'The body is not JSON.' }],
          text,
        );
      }
    }
    const result = validate(route.response, body);
    if (result.issues) throw new ResponseValidationError(route.id, response.status, result.issues, body);
    return { data: result.data as RouteResponse<typeof route>, response };
  };
}
