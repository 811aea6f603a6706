import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal, RecordTypeRegistry } from '@masetra/core';
import express from 'express';
import { toExpress } from '../../adapters/express';
import { createQms, type QmsHandler } from '../../createQms';
import { createLocalFileStore } from '../../files';
import type { DomainEvent, QmsOptions } from '../../services/QmsOptions';
import type { Storage } from '../../storage/storage';
import { createTestStorage } from '../../testing';

/** The cast of the HTTP tests: two organizations, one user per duty. */
export const testPrincipals = {
  olivia: { userId: 'olivia', displayName: 'Olivia Originator', orgId: 'org-a', roles: ['originator'] },
  ian: { userId: 'ian', displayName: 'Ian Investigator', orgId: 'org-a', roles: ['investigator'] },
  quinn: { userId: 'quinn', displayName: 'Quinn QA', orgId: 'org-a', roles: ['qa_reviewer', 'qa_approver'] },
  rita: { userId: 'rita', displayName: 'Rita Reviewer', orgId: 'org-a', roles: ['qa_reviewer'] },
  aaron: { userId: 'aaron', displayName: 'Aaron Auditor', orgId: 'org-a', roles: ['auditor'] },
  victor: { userId: 'victor', displayName: 'Victor Viewer', orgId: 'org-a', roles: ['viewer'] },
  greta: {
    userId: 'greta',
    displayName: 'Greta Globex',
    orgId: 'org-b',
    roles: ['qa_reviewer', 'qa_approver', 'originator'],
  },
} satisfies Record<string, Principal>;

export type TestUser = keyof typeof testPrincipals;

/** Each test user's signing password. */
export const passwordOf = (user: string) => `${user}-secret`;

export interface TestKit {
  baseUrl: string;
  storage: Storage;
  qms: QmsHandler;
  events: DomainEvent[];
  /** A fetch as one of the test users, JSON in and out. */
  as(user: TestUser): (
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<{
    status: number;
    headers: Headers;
    body: unknown;
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
    json: any;
  }>;
  close(): Promise<void>;
}

/**
 * The kit behind a real listening Express 5 server, on the test storage (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL). Authentication is a test header naming the user;
 * everything after it is the production code path.
 */
export async function startTestKit(
  options: { registry?: RecordTypeRegistry; qms?: Partial<QmsOptions> } = {},
): Promise<TestKit> {
  const storage = await createTestStorage({ registry: options.registry });
  const filesRoot = await mkdtemp(join(tmpdir(), 'masetra-files-'));
  const events: DomainEvent[] = [];
  const qms = createQms({
    storage,
    registry: options.registry,
    files: createLocalFileStore({ root: filesRoot }),
    authenticate: (request) => {
      const user = /^Test (\w+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      return user && user in testPrincipals ? testPrincipals[user as TestUser] : null;
    },
    verifySigner: ({ userId, password }) =>
      password === passwordOf(userId) ? { ok: true } : { ok: false, code: 'invalid_credentials' },
    hooks: {
      onEvent: (event) => {
        events.push(event);
      },
      onError: (error) => {
        console.error('kit error', error);
      },
    },
    limits: { jsonBodyBytes: 64 * 1024, attachmentBytes: 256 * 1024 },
    ...options.qms,
  });
  const app = express();
  app.use('/qms', toExpress(qms));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/qms`;
  return {
    baseUrl,
    storage,
    qms,
    events,
    as:
      (user) =>
      async (path, init = {}) => {
        const headers: Record<string, string> = { authorization: `Test ${user}`, ...init.headers };
        let body: BodyInit | undefined;
        if (init.body !== undefined) {
          body =
            typeof init.body === 'string' || init.body instanceof Uint8Array
              ? (init.body as BodyInit)
              : JSON.stringify(init.body);
          headers['content-type'] ??= 'application/json';
        }
        const response = await fetch(`${baseUrl}${path}`, { method: init.method ?? 'GET', headers, body });
        const text = await response.text();
        let json: unknown = text;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON (CSV, a file): the text is the body.
        }
        return { status: response.status, headers: response.headers, body: json, json };
      },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
      await rm(filesRoot, { recursive: true, force: true });
    },
  };
}
