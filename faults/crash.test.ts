/**
 * kill -9 of the reference server with 1,000 writes in flight, on PGlite and on PostgreSQL.
 * After a restart on the same data: every acknowledged write is there as acknowledged, no
 * record is half-written (its audit trail explains it, its events are in the outbox, its
 * number is taken exactly once), a retry with the same Idempotency-Key creates nothing
 * twice, and the audit chain verifies.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asUser, deviationInput, login } from '../bench/lib/api.mjs';
import { openDirectDatabase } from '../bench/lib/directDatabase.mjs';
import { demoUsers } from '../bench/lib/seededData.mjs';
import {
  type Backend,
  faultEnvironment,
  postgresAvailable,
  postgresSkipNote,
} from './support/faultEnvironment';
import { inBatches } from './support/inBatches';
import {
  auditTrailDiscrepancies,
  expectChainVerifies,
  storedDiscrepancies,
} from './support/storedInvariants';

const CREATES = 800;
const TRANSITIONS = 200;
/** Acknowledged writes before the kill: a quarter, so about 750 are still in flight. */
const KILL_AFTER_ACKNOWLEDGED = 250;
/** Creates that never committed, retried after the restart (all of them take PGlite ~10 s). */
const RETRIED_NEVER_COMMITTED = 100;

interface Write {
  kind: 'create' | 'transition';
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The acknowledged response, when one came. */
  acknowledged?: { status: number; json: { id: string; state: string; version: number; title: string } };
  /** What the client saw instead: a reset connection, mostly. */
  failure?: string;
}

const environment = faultEnvironment();

async function crashWithWritesInFlight(backend: Backend) {
  const database = await environment.database(backend, `crash_${backend}`);
  let server = await environment.start(database, 'before-crash');
  const { accessToken } = await login(server.apiUrl, demoUsers.qa);
  let qa = asUser(server.apiUrl, accessToken);

  // Drafts ready to SUBMIT, one transition each in the burst.
  const drafts = await inBatches(TRANSITIONS, 20, async (index) => {
    const created = await qa.post('/deviations', deviationInput(`Crash draft ${index}`));
    expect(created.status).toBe(201);
    return created.json as { id: string };
  });

  const run = randomUUID().slice(0, 8);
  const authorization = `Bearer ${accessToken}`;
  const creates: Write[] = Array.from({ length: CREATES }, (_, index) => ({
    kind: 'create',
    path: '/deviations',
    headers: {
      authorization,
      'content-type': 'application/json',
      'idempotency-key': `crash-${run}-${index}`,
    },
    body: JSON.stringify(deviationInput(`Crash ${run} write ${index}`)),
  }));
  const transitions: Write[] = drafts.map((draft) => ({
    kind: 'transition',
    path: `/deviations/${draft.id}/transitions`,
    headers: { authorization, 'content-type': 'application/json', 'if-match': '"1"' },
    body: JSON.stringify({ event: 'SUBMIT' }),
  }));
  // Four creates, then a transition, and so on: the kill lands among both kinds.
  const writes = creates.flatMap((create, index) =>
    index % 4 === 3 ? [create, transitions[(index - 3) / 4]!] : [create],
  );
  expect(writes).toHaveLength(CREATES + TRANSITIONS);

  let acknowledged = 0;
  let killed: Promise<void> | null = null;
  const killOnce = () => {
    killed ??= server.kill();
    return killed;
  };
  const fallbackKill = setTimeout(killOnce, 60_000);
  await Promise.all(
    writes.map(async (write) => {
      try {
        const response = await fetch(`${server.apiUrl}${write.path}`, {
          method: 'POST',
          headers: write.headers,
          body: write.body,
          signal: AbortSignal.timeout(90_000),
        });
        const text = await response.text();
        if (response.status >= 200 && response.status < 300) {
          write.acknowledged = { status: response.status, json: JSON.parse(text) };
          acknowledged += 1;
          if (acknowledged === KILL_AFTER_ACKNOWLEDGED) void killOnce();
        } else {
          write.failure = `${response.status} ${text.slice(0, 200)}`;
        }
      } catch (error) {
        write.failure = String((error as Error).cause ?? error);
      }
    }),
  );
  clearTimeout(fallbackKill);
  await killOnce();

  const answeredWithError = writes.filter((write) => write.failure && /^\d{3} /.test(write.failure));
  // Before the kill every answer was a success: an error status here is not the crash's doing.
  expect(answeredWithError.map((write) => write.failure)).toEqual([]);
  const inFlight = writes.length - acknowledged;
  console.info(
    `crash on ${backend}: killed with ${acknowledged} of ${writes.length} writes acknowledged, ${inFlight} in flight`,
  );
  expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
  expect(inFlight).toBeGreaterThan(100);

  server = await environment.start(database, 'after-crash');
  qa = asUser(server.apiUrl, (await login(server.apiUrl, demoUsers.qa)).accessToken);

  // Every acknowledged write is there, exactly as acknowledged.
  type Stored = { id: string; title: string; state: string; version: number };
  const stored = new Map<string, Stored>(
    (await qa.listAll('/deviations')).map((deviation: Stored) => [deviation.id, deviation]),
  );
  for (const write of writes) {
    if (!write.acknowledged) continue;
    const acked = write.acknowledged.json;
    if (write.kind === 'create') expect(stored.get(acked.id)).toEqual(acked);
    else expect(stored.get(acked.id)).toMatchObject({ state: 'in_assessment', version: acked.version });
  }
  // An unacknowledged transition either happened or did not: nothing in between.
  for (const write of transitions.filter((transition) => !transition.acknowledged)) {
    const deviation = stored.get(write.path.split('/')[2]!);
    expect([`draft/1`, `in_assessment/2`]).toContain(`${deviation?.state}/${deviation?.version}`);
  }

  // A retry with the same Idempotency-Key: a write that committed unacknowledged answers with
  // the record it made; one that never committed is made now. Either way, once per key.
  const storedByTitle = new Map([...stored.values()].map((deviation) => [deviation.title, deviation]));
  const unacknowledged = creates.filter((write) => !write.acknowledged);
  const committedUnacknowledged = unacknowledged.filter((write) =>
    storedByTitle.has(JSON.parse(write.body).title),
  );
  const neverCommitted = unacknowledged.filter((write) => !storedByTitle.has(JSON.parse(write.body).title));
  console.info(
    `crash on ${backend}: ${committedUnacknowledged.length} creates committed but unacknowledged, ${neverCommitted.length} never committed`,
  );
  const retried = [...committedUnacknowledged, ...neverCommitted.slice(0, RETRIED_NEVER_COMMITTED)];
  await inBatches(retried.length, 10, async (index) => {
    const write = retried[index]!;
    const input = JSON.parse(write.body);
    const response = await qa.post('/deviations', input, {
      'idempotency-key': write.headers['idempotency-key']!,
    });
    expect(response.status, response.text).toBe(201);
    const before = storedByTitle.get(input.title);
    if (before)
      expect(response.json.id, 'a replay answers with the record the first try made').toBe(before.id);
  });
  const titles = (await qa.listAll('/deviations'))
    .map((deviation: { title: string }) => deviation.title)
    .filter((title: string) => title.startsWith(`Crash ${run} `));
  const committed = acknowledged - transitions.filter((write) => write.acknowledged).length;
  expect(titles).toHaveLength(committed + retried.length);
  expect(new Set(titles).size).toBe(titles.length);

  expect(await auditTrailDiscrepancies(qa, 'deviation', 'deviations')).toEqual([]);
  await expectChainVerifies(qa);

  await server.stop();
  const db = await openDirectDatabase(database);
  try {
    expect(await storedDiscrepancies(db)).toEqual([]);
  } finally {
    await db.close();
  }
}

describe('kill -9 with 1,000 writes in flight', () => {
  it('on PGlite: no acknowledged write lost, nothing half-written, the chain verifies', () =>
    crashWithWritesInFlight('pglite'));

  it.skipIf(!postgresAvailable)(
    `on PostgreSQL: no acknowledged write lost, nothing half-written, the chain verifies${postgresSkipNote}`,
    () => crashWithWritesInFlight('postgres'),
  );
});
