/**
 * Bad input at scale: 10,000 generated malformed requests across all routes (see
 * support/malformedRequests.ts), after 2,000 more to warm up. The server answers every one,
 * none with a 5xx, stays up and healthy, and its memory stays flat (support/memoryTrend.ts).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { asUser, deviationInput, login, request } from '../bench/lib/api.mjs';
import type { ServerProcess } from '../bench/lib/referenceServerProcess.mjs';
import { demoUsers } from '../bench/lib/seededData.mjs';
import { loadCore } from '../bench/lib/workspace.mjs';
import { defaultBackend, faultEnvironment } from './support/faultEnvironment';
import { inBatches } from './support/inBatches';
import { type MalformedRequest, malformedRequests } from './support/malformedRequests';
import {
  describeTrend,
  memoryTrend,
  SECOND_HALF_TOLERANCE_KIB,
  TOTAL_TOLERANCE_KIB,
} from './support/memoryTrend';
import { type RawOutcome, rawSender } from './support/sendRaw';

// As long as the measured run: V8 enlarges its heap over the first ~10,000 requests (+54, +9, +3 MiB
// over three successive runs, see memoryTrend.ts), and a shorter warm-up left that settling inside
// the measured run, where it read as a leak on an idle machine.
const WARM_UP = 10_000;
const REQUESTS = 10_000;
const CONCURRENCY = 16;
const SAMPLE_EVERY = 500;

const environment = faultEnvironment();

describe(`bad input at scale on ${defaultBackend}`, () => {
  let server: ServerProcess;
  let qaToken: string;
  let adminToken: string;
  const run = {
    requests: [] as MalformedRequest[],
    outcomes: [] as RawOutcome[],
    rssKib: { warm: 0, samples: [] as number[] },
    seconds: 0,
    healthy: false,
  };

  beforeAll(async () => {
    const { buildContract, builtInRegistry } = await loadCore();
    const database = await environment.database(defaultBackend, 'bad_input');
    server = await environment.start(database);
    const tokens: string[] = [];
    for (const key of ['qa', 'viewer', 'originator', 'admin', 'auditor'] as const) {
      tokens.push((await login(server.apiUrl, demoUsers[key])).accessToken);
    }
    qaToken = tokens[0]!;
    adminToken = tokens[3]!;
    const qa = asUser(server.apiUrl, qaToken);
    const recordIds: string[] = [];
    for (const recordType of builtInRegistry.list) {
      const page = await qa.get(`/${recordType.collection}?limit=3`);
      recordIds.push(...page.json.items.map((record: { id: string }) => record.id));
    }
    const context = {
      kitRoutes: buildContract(builtInRegistry).routes,
      tokens,
      jwtSecret: inject('faults').jwtSecret,
      recordIds,
      attachmentIds: [randomUUID()],
    };

    const sender = rawSender(server.origin, CONCURRENCY);
    try {
      const warmUp = malformedRequests(context, WARM_UP, 20_261);
      await inBatches(warmUp.length, CONCURRENCY, (index) => sender.send(warmUp[index]!));
      run.rssKib.warm = server.rssKib();

      run.requests = malformedRequests(context, REQUESTS, 11_2026);
      const started = Date.now();
      run.outcomes = await inBatches(run.requests.length, CONCURRENCY, async (index) => {
        const outcome = await sender.send(run.requests[index]!);
        if ((index + 1) % SAMPLE_EVERY === 0) run.rssKib.samples.push(server.rssKib());
        return outcome;
      });
      run.seconds = (Date.now() - started) / 1000;
    } finally {
      sender.close();
    }
    const health = await request(`${server.origin}/healthz`).catch(() => null);
    run.healthy = server.alive() && health?.status === 200;

    const statuses = new Map<string, number>();
    for (const [index, outcome] of run.outcomes.entries()) {
      const key = `${run.requests[index]!.kind} → ${'status' in outcome ? outcome.status : 'no answer'}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    console.info(
      `bad input on ${defaultBackend}: ${REQUESTS} requests in ${run.seconds.toFixed(1)} s ` +
        `(${(REQUESTS / run.seconds).toFixed(0)}/s); ${describeTrend(memoryTrend(run.rssKib.warm, run.rssKib.samples))}\n` +
        [...statuses]
          .sort()
          .map(([key, count]) => `  ${key}: ${count}`)
          .join('\n'),
    );
  }, 600_000);

  it('stays up and healthy', () => {
    expect(run.outcomes).toHaveLength(REQUESTS);
    expect(run.healthy, server.logTail(20)).toBe(true);
  });

  it('answers every request (no hang, no reset connection)', () => {
    const unanswered = run.outcomes
      .map((outcome, index) => ({ outcome, request: run.requests[index]! }))
      .filter(({ outcome }) => 'error' in outcome)
      .map(
        ({ outcome, request }) =>
          `${request.kind}: ${request.method} ${request.path.slice(0, 120)} → ${'error' in outcome ? outcome.error : ''}`,
      );
    expect(unanswered).toEqual([]);
  });

  it('answers no malformed request with a 5xx', () => {
    const failures = run.outcomes
      .map((outcome, index) => ({ outcome, request: run.requests[index]! }))
      .filter(({ outcome }) => 'status' in outcome && outcome.status >= 500)
      .map(({ outcome, request }) => ({
        status: 'status' in outcome ? outcome.status : 0,
        kind: request.kind,
        request: `${request.method} ${request.path.slice(0, 160)}`,
        body:
          typeof request.body === 'string'
            ? request.body.slice(0, 160)
            : request.body && `${request.body.byteLength} bytes`,
      }));
    expect(failures).toEqual([]);
  });

  it('keeps its memory flat', () => {
    expect(run.rssKib.samples).toHaveLength(REQUESTS / SAMPLE_EVERY);
    const trend = memoryTrend(run.rssKib.warm, run.rssKib.samples);
    expect(trend.secondHalfGrowthKib, describeTrend(trend)).toBeLessThanOrEqual(SECOND_HALF_TOLERANCE_KIB);
    expect(trend.totalGrowthKib, describeTrend(trend)).toBeLessThanOrEqual(TOTAL_TOLERANCE_KIB);
  });

  it('refuses an oversized body without reading it to the end, and serves the next connection', async () => {
    const sender = rawSender(server.origin, 1);
    const authorization = `Bearer ${qaToken}`;
    try {
      const oversized = await sender.send({
        method: 'POST',
        path: '/api/v1/deviations',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(deviationInput('x'.repeat(1_100_000))),
      });
      // The server answers 413 and closes the connection rather than read a megabyte it refused
      // (issue 11, item 8); a client still writing may meet the close before it reads the answer.
      const refused =
        'status' in oversized
          ? oversized.status === 413
          : /EPIPE|ECONNRESET|closed|socket/i.test(oversized.error);
      expect(refused, JSON.stringify(oversized)).toBe(true);
    } finally {
      sender.close();
    }
    const next = await asUser(server.apiUrl, qaToken).get('/deviations?limit=1');
    expect(next.status).toBe(200);
  });

  it('refuses a cursor whose value is not of the sort key’s type with a 400', async () => {
    const cursor = Buffer.from(
      JSON.stringify({ s: '-createdAt', v: 'not-a-time', i: randomUUID() }),
    ).toString('base64url');
    const response = await asUser(server.apiUrl, qaToken).get(`/deviations?cursor=${cursor}`);
    expect(response.status).toBe(400);
  });

  it('refuses a NUL character in a new user’s name with a 422 pointing at the field', async () => {
    // POST /users, not the sign-in: the run above has used up the sign-in rate limit (429).
    const response = await asUser(server.apiUrl, adminToken).post('/users', {
      email: `nul-${randomUUID().slice(0, 8)}@acme.example`,
      displayName: 'Null\u0000Character',
      roles: ['viewer'],
    });
    expect(response.status).toBe(422);
    expect(response.json.errors).toEqual([expect.objectContaining({ pointer: '/displayName' })]);
  });
});
