/**
 * Two reference-server processes on one PostgreSQL under concurrent load, as DESIGN's
 * "several server processes can share one PostgreSQL" promises: numbering has no duplicates
 * and no gaps, no update is lost (If-Match holds across processes), an idempotent retry
 * racing its first try on the other process creates one record, and the audit chain — one
 * per organization, appended to by both — verifies.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asUser, deviationInput, login } from '../bench/lib/api.mjs';
import { openDirectDatabase } from '../bench/lib/directDatabase.mjs';
import { demoUsers } from '../bench/lib/seededData.mjs';
import { faultEnvironment, postgresAvailable, postgresSkipNote } from './support/faultEnvironment';
import { inBatches } from './support/inBatches';
import {
  auditTrailDiscrepancies,
  expectChainVerifies,
  storedDiscrepancies,
} from './support/storedInvariants';

type ApiUser = ReturnType<typeof asUser>;
type Deviation = { id: string; number: string; version: number; state: string; description: string };

const environment = faultEnvironment();

/** Creates in parallel, alternating between the processes. */
async function createConcurrently(processes: ApiUser[], count: number, concurrency: number) {
  return inBatches(count, concurrency, async (index) => {
    const created = await processes[index % 2]!.post('/deviations', deviationInput(`Two processes ${index}`));
    expect(created.status, created.text).toBe(201);
    return created.json as Deviation;
  });
}

/**
 * Rounds of writers that all read the same version and PATCH it at once, on both processes:
 * each round exactly one wins and the others get 412, and the record keeps the winner's text.
 */
async function racePatches(processes: ApiUser[], deviation: Deviation, rounds: number, writers: number) {
  let version = deviation.version;
  for (let round = 0; round < rounds; round += 1) {
    const outcomes = await Promise.all(
      Array.from({ length: writers }, (_, writer) =>
        processes[writer % 2]!.patch(
          `/deviations/${deviation.id}`,
          { changes: { description: `round ${round} by writer ${writer}` } },
          { 'if-match': `"${version}"` },
        ),
      ),
    );
    const winners = outcomes.filter((outcome) => outcome.status === 200);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual([
      200,
      ...Array.from({ length: writers - 1 }, () => 412),
    ]);
    const stored = await processes[round % 2]!.get(`/deviations/${deviation.id}`);
    expect(stored.json.description).toBe(winners[0]!.json.description);
    expect(stored.json.version).toBe(version + 1);
    version = stored.json.version;
  }
  return version;
}

/**
 * A writer that moves a shared deviation `moves` times, re-reading and retrying whenever
 * another writer (on either process) got there first. Returns how many attempts it took.
 */
async function moveWithRetries(processes: ApiUser[], writer: number, id: string, moves: number) {
  let attempts = 0;
  for (let done = 0; done < moves; ) {
    attempts += 1;
    if (attempts > moves * 40) throw new Error(`writer ${writer} starved after ${attempts} attempts`);
    const via = processes[(writer + attempts) % 2]!;
    const current = (await via.get(`/deviations/${id}`)).json as Deviation;
    const event = current.state === 'pending_cancellation' ? 'REJECT_CANCELLATION' : 'REQUEST_CANCELLATION';
    const moved = await via.post(
      `/deviations/${id}/transitions`,
      { event, reason: `Writer ${writer}, move ${done}` },
      { 'if-match': `"${current.version}"` },
    );
    if (moved.status === 200) done += 1;
    else expect(moved.status, moved.text).toBe(412);
  }
  return attempts;
}

describe.skipIf(!postgresAvailable)(
  `two reference-server processes on one PostgreSQL${postgresSkipNote}`,
  () => {
    it('number without duplicates or gaps, lose no update, replay idempotent retries, and keep one verifiable chain', async () => {
      const database = await environment.database('postgres', 'two_processes');
      // Started together: both migrate the same database at once, too.
      const servers = await Promise.all([environment.start(database, 'a'), environment.start(database, 'b')]);
      const { accessToken } = await login(servers[0]!.apiUrl, demoUsers.qa);
      // One sign-in serves both: the processes share the JWT secret and the sessions table.
      const processes = servers.map((server) => asUser(server.apiUrl, accessToken));

      const contended = await createConcurrently(processes, 10, 10);
      const shared = await createConcurrently(processes, 5, 5);
      const idempotencyKeys = Array.from({ length: 20 }, () => `two-processes-${randomUUID()}`);

      const [created, patchedVersions, attempts, replays] = await Promise.all([
        // Numbering under contention: 300 creates, 30 at a time, half on each process.
        createConcurrently(processes, 300, 30),
        // Lost updates: 10 deviations, 5 rounds of 6 simultaneous writers each.
        Promise.all(contended.map((deviation) => racePatches(processes, deviation, 5, 6))),
        // Optimistic retries: 20 writers, 4 to each shared deviation, 10 moves each.
        Promise.all(
          Array.from({ length: 20 }, (_, writer) =>
            moveWithRetries(processes, writer, shared[writer % 5]!.id, 10),
          ),
        ),
        // The same Idempotency-Key sent to both processes at once.
        Promise.all(
          idempotencyKeys.map((key, index) =>
            Promise.all(
              processes.map((process) =>
                process.post('/deviations', deviationInput(`Idempotent race ${index}`), {
                  'idempotency-key': key,
                }),
              ),
            ),
          ),
        ),
      ]);

      const numbers = created.map((deviation) => deviation.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(patchedVersions).toEqual(contended.map(() => 6));
      for (const deviation of shared) {
        const stored = (await processes[0]!.get(`/deviations/${deviation.id}`)).json as Deviation;
        // Four writers, ten moves each, every one of them kept.
        expect(stored.version).toBe(1 + 4 * 10);
      }
      console.info(
        `two processes: ${attempts.reduce((sum, count) => sum + count, 0)} attempts for 200 contended moves`,
      );
      for (const [first, second] of replays) {
        expect([first!.status, second!.status]).toEqual([201, 201]);
        expect(second!.json.id).toBe(first!.json.id);
      }
      const all = await processes[1]!.listAll('/deviations');
      expect(
        all.filter((deviation: { title: string }) => deviation.title.startsWith('Idempotent race ')),
      ).toHaveLength(idempotencyKeys.length);

      expect(await auditTrailDiscrepancies(processes[0]!, 'deviation', 'deviations')).toEqual([]);
      const [viaA, viaB] = [
        await expectChainVerifies(processes[0]!),
        await expectChainVerifies(processes[1]!),
      ];
      expect(viaB.headHash).toBe(viaA.headHash);

      await Promise.all(servers.map((server) => server.stop()));
      const db = await openDirectDatabase(database);
      try {
        expect(await storedDiscrepancies(db)).toEqual([]);
      } finally {
        await db.close();
      }
    });
  },
);
