/**
 * autocannon runs reduced to the numbers we report, and the request sequences the API
 * benchmark and the load test share: list a page, and move deviations through the one
 * lifecycle loop that needs no signature (REQUEST_CANCELLATION, then REJECT_CANCELLATION
 * back to where it was), each connection on a deviation nobody else is moving.
 */
import autocannon from 'autocannon';

/**
 * @typedef {object} LoadSummary
 * @property {number} requests completed requests
 * @property {number} rps mean requests per second
 * @property {number} p50 latency, ms
 * @property {number} p99 latency, ms
 * @property {number} errors connection errors, timeouts included
 * @property {number} timeouts
 * @property {number} non2xx
 * @property {Record<string, number>} statusCodes
 * @property {number} seconds
 */

/** @returns {LoadSummary} */
export function summarize(result) {
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]),
    ),
    seconds: result.duration,
  };
}

/**
 * Runs autocannon to completion.
 *
 * @param {import('autocannon').Options} options
 * @param {(instance: import('autocannon').Instance) => void} [onStart]
 * @returns {Promise<LoadSummary>}
 */
export function runLoad(options, onStart) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 30, ...options }, (error, result) =>
      error ? reject(error) : resolve(summarize(result)),
    );
    onStart?.(instance);
  });
}

/**
 * A request that moves one deviation a step on each call. Deviations wait in a pool; a
 * connection takes one when it builds the request and puts it back, at its new version, when
 * the answer comes, so two connections never race on one record and no answer is a 412.
 *
 * @param {{ id: string, version: number, state: string }[]} deviations more than there are connections
 * @param {string} apiPath the API's prefix (`/api/v1`)
 * @param {{ moved: number, refused: number }} [tally] counts the answers
 */
export function transitionRequest(deviations, apiPath, tally = { moved: 0, refused: 0 }) {
  const idle = [...deviations];
  return {
    method: 'POST',
    setupRequest(request, context) {
      const deviation = idle.pop();
      if (!deviation) throw new Error('More connections than deviations to move');
      context.deviation = deviation;
      const event =
        deviation.state === 'pending_cancellation' ? 'REJECT_CANCELLATION' : 'REQUEST_CANCELLATION';
      return {
        ...request,
        path: `${apiPath}/deviations/${deviation.id}/transitions`,
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'if-match': `"${deviation.version}"`,
        },
        body: JSON.stringify({ event, reason: 'Load test: lifecycle round trip' }),
      };
    },
    onResponse(status, body, context) {
      const deviation = context.deviation;
      if (!deviation) return;
      context.deviation = undefined;
      if (status === 200) {
        const moved = JSON.parse(body);
        deviation.version = moved.version;
        deviation.state = moved.state;
        tally.moved += 1;
      } else {
        tally.refused += 1;
      }
      idle.push(deviation);
    },
  };
}

/**
 * Reads the deviations' stored versions and states back into `deviations`, once they stop
 * moving: autocannon drops the answers in flight when a run ends while the server still
 * commits them, so what the pool tracked may be behind. Returns the sum of their versions.
 *
 * @param {(id: string) => Promise<{ version: number, state: string }>} read one deviation, as stored
 * @param {{ id: string, version: number, state: string }[]} deviations
 */
export async function settleDeviations(read, deviations) {
  let sum = -1;
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const stored = [];
    for (let index = 0; index < deviations.length; index += 20) {
      stored.push(
        ...(await Promise.all(deviations.slice(index, index + 20).map((deviation) => read(deviation.id)))),
      );
    }
    for (const [index, { version, state }] of stored.entries())
      Object.assign(deviations[index], { version, state });
    const next = deviations.reduce((total, deviation) => total + deviation.version, 0);
    if (next === sum) return sum;
    sum = next;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error('The stored versions kept moving 30 s after the load stopped');
}
