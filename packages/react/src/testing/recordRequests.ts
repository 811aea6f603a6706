// Test support: an MSW handler that records every request and answers none, put in front of others.
import { http, type RequestHandler } from 'msw';

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  /** The JSON body of a write; undefined for reads. */
  body: unknown;
}

/** A handler recording each request into `calls`, then letting the next handler answer it. */
export function recordRequests(calls: RecordedCall[]): RequestHandler {
  return http.all('*', async ({ request }) => {
    const text = request.method === 'GET' ? '' : await request.clone().text();
    calls.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    });
  });
}
