import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isNonPublicAddress, NonPublicAddressError, publicOnlyLookup } from './privateAddresses';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** 10 s when left out: a receiver that hangs holds no worker for long. */
  timeoutMs?: number;
  /** Reach loopback and private addresses too (tests, a demo on one machine). */
  allowPrivateAddresses?: boolean;
}

export interface WebhookAnswer {
  /** The receiver's status code; a redirect is an answer, not followed. */
  status: number;
  durationMs: number;
}

/**
 * POSTs one signed delivery. Redirects are not followed (a 3xx is a failed delivery: a receiver
 * could otherwise point the server at an internal address), and unless private addresses are
 * allowed the connection refuses any host that resolves to one. Throws when no answer came.
 */
export function sendWebhook(input: WebhookRequest): Promise<WebhookAnswer> {
  const url = new URL(input.url);
  // A literal address is connected to without a lookup, so it is judged here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!input.allowPrivateAddresses && isIP(host) !== 0 && isNonPublicAddress(host)) {
    return Promise.reject(new NonPublicAddressError(host, host));
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: {
          ...input.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(input.body)),
          'user-agent': 'Masetra-Webhooks/1',
        },
        timeout: input.timeoutMs ?? 10_000,
        ...(input.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        // The body is not needed; reading it to the end frees the socket.
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, durationMs: Math.round(performance.now() - started) }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`no answer within ${input.timeoutMs ?? 10_000} ms`)),
    );
    outgoing.on('error', reject);
    outgoing.end(input.body);
  });
}
