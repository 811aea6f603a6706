// Test support: an msw server for the client's tests and record fixtures that satisfy the contract.
import type { Deviation } from '@masetra/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const baseUrl = 'http://qms.test/api/v1';

/** The absolute URL msw matches for a path of the API. */
export const url = (path: string) => `${baseUrl}${path}`;

export function deviationFixture(overrides: Partial<Deviation> = {}): Deviation {
  return {
    id: crypto.randomUUID(),
    orgId: 'org-1',
    type: 'deviation',
    number: 'DEV-2026-0001',
    state: 'draft',
    version: 1,
    ownerId: 'user-1',
    createdBy: 'user-1',
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    title: 'Temperature excursion in cold room 2',
    ...overrides,
  };
}

/** Starts an msw server for the calling test file; unhandled requests fail the test. */
export function useMockServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
