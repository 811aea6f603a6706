import { builtInRegistry } from '@masetra/core';
import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage, sampleRecord } from '../testing';
import type { Database } from './database';
import { IdempotencyConflictError, type IdempotentRequest, runIdempotent } from './idempotency';
import { insertRecord, listRecords, nextRecordNumber } from './records';
import type { Storage } from './storage';

const deviation = builtInRegistry.byName('deviation')!;

describe('runIdempotent', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(() => storage.close());

  const request = (
    orgId: string,
    key: string,
    overrides: Partial<IdempotentRequest> = {},
  ): IdempotentRequest => ({
    orgId,
    userId: 'u1',
    key,
    method: 'POST',
    path: '/deviations',
    requestHash: 'hash-of-body-1',
    ...overrides,
  });

  /** The work of `POST /deviations`: number and store a draft. */
  function createDeviation(orgId: string, counter: { runs: number }) {
    return async (trx: Transaction<Database>) => {
      counter.runs += 1;
      const number = await nextRecordNumber(trx, orgId, deviation);
      const record = await insertRecord(
        trx,
        deviation,
        sampleRecord(deviation, { orgId, number }, { title: 'Spill' }),
      );
      return {
        status: 201,
        headers: { etag: '"1"', location: `/deviations/${record.id}` },
        body: JSON.stringify(record),
      };
    };
  }

  const countDeviations = async (orgId: string) =>
    (await listRecords(storage.db, deviation, orgId, { limit: 200 })).items.length;

  it('runs the work once and answers a retry with the first response', async () => {
    const counter = { runs: 0 };
    const first = await runIdempotent(storage, request('org-a', 'key-1'), createDeviation('org-a', counter));
    const retry = await runIdempotent(storage, request('org-a', 'key-1'), createDeviation('org-a', counter));
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(first.status).toBe(201);
    expect(first.headers.etag).toBe('"1"');
    expect(counter.runs).toBe(1);
    expect(await countDeviations('org-a')).toBe(1);
  });

  it('scopes keys to the organization', async () => {
    const counter = { runs: 0 };
    await runIdempotent(storage, request('org-b', 'key-1'), createDeviation('org-b', counter));
    expect(counter.runs).toBe(1);
  });

  it('refuses the same key for a different request', async () => {
    const counter = { runs: 0 };
    await runIdempotent(storage, request('org-c', 'key-2'), createDeviation('org-c', counter));
    for (const other of [
      { requestHash: 'hash-of-body-2' },
      { userId: 'u2' },
      { path: '/capas' },
      { method: 'PATCH' },
    ]) {
      const reuse = runIdempotent(
        storage,
        request('org-c', 'key-2', other),
        createDeviation('org-c', counter),
      );
      await expect(reuse).rejects.toBeInstanceOf(IdempotencyConflictError);
    }
    expect(counter.runs).toBe(1);
  });

  it('keeps no failed response: a retry after a failure runs again', async () => {
    const refused = await runIdempotent(storage, request('org-d', 'key-3'), async (trx) => {
      await insertRecord(
        trx,
        deviation,
        sampleRecord(deviation, { orgId: 'org-d', number: 'DEV-X' }, { title: 'x' }),
      );
      return { status: 409, headers: {}, body: '{"title":"Conflict"}' };
    });
    expect(refused).toMatchObject({ status: 409, replayed: false });
    expect(await countDeviations('org-d')).toBe(0);

    await expect(
      runIdempotent(storage, request('org-d', 'key-3'), async () => {
        throw new Error('database hiccup');
      }),
    ).rejects.toThrow('database hiccup');

    const counter = { runs: 0 };
    const success = await runIdempotent(
      storage,
      request('org-d', 'key-3'),
      createDeviation('org-d', counter),
    );
    expect(success).toMatchObject({ status: 201, replayed: false });
    expect(await countDeviations('org-d')).toBe(1);
  });

  it('creates exactly one record when concurrent retries race with one key', async () => {
    const counter = { runs: 0 };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        runIdempotent(storage, request('org-e', 'key-race'), createDeviation('org-e', counter)),
      ),
    );
    expect(counter.runs).toBe(1);
    expect(await countDeviations('org-e')).toBe(1);
    expect(new Set(responses.map((response) => response.body)).size).toBe(1);
    expect(responses.filter((response) => !response.replayed)).toHaveLength(1);
  });
});
