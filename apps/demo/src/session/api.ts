// The one API client of the demo, on the same origin as the page, with the session's token.
import { createClient } from '@masetra/client';
import { problemTypes } from '@masetra/core';
import { createSession } from './session';

export const API_BASE_URL = '/api/v1';

export const session = createSession();

/**
 * Notices when the server ends the session and signs out locally. Only an `unauthenticated`
 * problem means that: a refused signature is a 401 too, and the signer simply tries again.
 */
const fetchWatchingSession: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status === 401) {
    const problem = (await response
      .clone()
      .json()
      .catch(() => undefined)) as { type?: string } | undefined;
    if (problem?.type === problemTypes.unauthenticated) session.expire();
  }
  return response;
};

export const qms = createClient({
  baseUrl: API_BASE_URL,
  getToken: () => session.accessToken(),
  fetch: fetchWatchingSession,
  source: 'masetra-demo',
});

session.connect(qms.auth);
