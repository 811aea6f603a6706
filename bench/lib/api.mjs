/** A small HTTP client of the reference server's API, for the harness (not @masetra/client: we want raw status codes). */
import { DEMO_PASSWORD } from './seededData.mjs';

/**
 * @typedef {object} ApiResponse
 * @property {number} status
 * @property {Headers} headers
 * @property {any} json parsed body, or null when it is not JSON
 * @property {string} text
 */

/** @returns {Promise<ApiResponse>} */
export async function request(url, init = {}) {
  const response = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(60_000) });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** Signs a demo user in; throws unless it succeeds. */
export async function login(apiUrl, email, password = DEMO_PASSWORD) {
  const response = await request(`${apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${response.text}`);
  return response.json;
}

/**
 * Requests as one signed-in user.
 *
 * @param {string} apiUrl
 * @param {string} token
 */
export function asUser(apiUrl, token) {
  const send = (method, path, body, headers = {}) =>
    request(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    token,
    get: (path, headers) => send('GET', path, undefined, headers),
    post: (path, body, headers) => send('POST', path, body, headers),
    patch: (path, body, headers) => send('PATCH', path, body, headers),
    /** Every item of a list, page by page (200 a page). */
    async listAll(path) {
      const items = [];
      let cursor = null;
      do {
        const separator = path.includes('?') ? '&' : '?';
        const page = await send(
          'GET',
          `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        if (page.status !== 200) throw new Error(`GET ${path}: ${page.status} ${page.text}`);
        items.push(...page.json.items);
        cursor = page.json.nextCursor;
      } while (cursor);
      return items;
    },
  };
}

/** A deviation with every field its first two steps need (SUBMIT, SUBMIT_ASSESSMENT). */
export function deviationInput(title, severity = 'minor') {
  return {
    title,
    description: `Benchmark and fault-test deviation: ${title}`,
    area: 'Packaging line 3',
    severity,
    occurredAt: '2026-01-15T08:30:00.000Z',
    immediateActions: 'Line stopped and affected units quarantined.',
  };
}
