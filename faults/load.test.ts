/**
 * Load: 60 s at 100 connections, each alternating a list page and a lifecycle transition, after
 * a 10 s warm-up of the same. No error, no non-2xx, no memory growth (support/memoryTrend.ts);
 * afterwards every transition is in the records and in the audit trail, and the chain verifies.
 */
import { describe, expect, it } from 'vitest';
import { asUser, deviationInput, login } from '../bench/lib/api.mjs';
import { runLoad, settleDeviations, transitionRequest } from '../bench/lib/loadGenerator.mjs';
import { demoUsers } from '../bench/lib/seededData.mjs';
import { defaultBackend, faultEnvironment } from './support/faultEnvironment';
import { inBatches } from './support/inBatches';
import {
  describeTrend,
  memoryTrend,
  SECOND_HALF_TOLERANCE_KIB,
  TOTAL_TOLERANCE_KIB,
} from './support/memoryTrend';
import { auditTrailDiscrepancies, expectChainVerifies } from './support/storedInvariants';

const CONNECTIONS = 100;
const SECONDS = 60;
const WARM_UP_SECONDS = 10;
const SAMPLE_EVERY_MS = 2_000;
/** More deviations than connections, so a connection never waits for one to move. */
const DEVIATIONS = 250;

const environment = faultEnvironment();

describe(`load on ${defaultBackend}`, () => {
  it(`serves ${CONNECTIONS} connections for ${SECONDS} s of lists and transitions without an error or memory growth`, async () => {
    const database = await environment.database(defaultBackend, 'load');
    const server = await environment.start(database);
    const { accessToken } = await login(server.apiUrl, demoUsers.qa);
    const qa = asUser(server.apiUrl, accessToken);
    const deviations = await inBatches(DEVIATIONS, 10, async (index) => {
      const created = await qa.post('/deviations', deviationInput(`Load ${index}`));
      expect(created.status).toBe(201);
      return created.json as { id: string; version: number; state: string };
    });

    const tally = { moved: 0, refused: 0 };
    const load = (seconds: number) =>
      runLoad({
        url: server.origin,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { authorization: `Bearer ${accessToken}` },
        requests: [
          { method: 'GET', path: '/api/v1/deviations?limit=50' },
          transitionRequest(deviations, '/api/v1', tally),
        ],
      });

    const storedVersions = () =>
      settleDeviations(async (id: string) => (await qa.get(`/deviations/${id}`)).json, deviations);

    const warmUp = await load(WARM_UP_SECONDS);
    expect(warmUp.errors + warmUp.non2xx, JSON.stringify(warmUp)).toBe(0);
    const versionsBefore = await storedVersions();
    tally.moved = 0;
    const warmKib = server.rssKib();
    const samples: number[] = [];
    const sampling = setInterval(() => samples.push(server.rssKib()), SAMPLE_EVERY_MS);
    const result = await load(SECONDS).finally(() => clearInterval(sampling));
    const trend = memoryTrend(warmKib, samples);
    console.info(
      `load on ${defaultBackend}: ${result.requests} requests in ${result.seconds} s, ${result.rps.toFixed(0)}/s, ` +
        `p50 ${result.p50} ms, p99 ${result.p99} ms, ${tally.moved} transitions; ${describeTrend(trend)}`,
    );

    expect(result.errors, 'connection errors').toBe(0);
    expect(result.timeouts, 'timeouts').toBe(0);
    expect(result.non2xx, JSON.stringify(result.statusCodes)).toBe(0);
    expect(tally.refused).toBe(0);
    expect(result.requests).toBeGreaterThan(0);
    expect(trend.secondHalfGrowthKib, describeTrend(trend)).toBeLessThanOrEqual(SECOND_HALF_TOLERANCE_KIB);
    expect(trend.totalGrowthKib, describeTrend(trend)).toBeLessThanOrEqual(TOTAL_TOLERANCE_KIB);
    expect(server.alive()).toBe(true);

    // Every acknowledged transition is kept (at most one per connection was in flight, unanswered, at the end),
    // and the audit trail explains every version.
    const committed = (await storedVersions()) - versionsBefore;
    expect(committed).toBeGreaterThanOrEqual(tally.moved);
    expect(committed).toBeLessThanOrEqual(tally.moved + CONNECTIONS);
    expect(await auditTrailDiscrepancies(qa, 'deviation', 'deviations')).toEqual([]);
    await expectChainVerifies(qa);
  });
});
