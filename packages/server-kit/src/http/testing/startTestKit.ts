import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal, RecordTypeRegistry } from '@masetra/core';
import express from 'express';
import { sql } from 'kysely';
import { toExpress } from '../../adapters/express';
import { createQms, type QmsHandler } from '../../createQms';
import { createLocalFileStore } from '../../files';
import type { DomainEvent, QmsOptions } from '../../services/QmsOptions';
import { recordTableName } from '../../storage/recordTableName';
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
  /** An administrator of org A: organization settings such as document number prefixes. */
  adam: { userId: 'adam', displayName: 'Adam Admin', orgId: 'org-a', roles: ['admin'] },
  /** Org B's second user, so that org B has someone to approve what Greta owns. */
  gus: { userId: 'gus', displayName: 'Gus Globex', orgId: 'org-b', roles: ['qa_approver', 'auditor'] },
} satisfies Record<string, Principal>;

export type TestUser = keyof typeof testPrincipals;

/**
 * How long a test file's `beforeAll` may take to start its kit: starting one boots a
 * database, which on a loaded machine takes far longer than the tests after it.
 */
export const kitStartTimeout = 120_000;

/** Each test user's signing password. */
export const passwordOf = (user: string) => `${user}-secret`;

/** What a test reads of an answer: status, headers and the body, parsed when it is JSON. */
export interface TestResponse {
  status: number;
  headers: Headers;
  body: unknown;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
  json: any;
  /** The body as it came, for CSV and problem checks. */
  text: string;
}

export interface TestRequestInit {
  method?: string;
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** What the database holds, counted: a request that must change nothing leaves it equal. */
export interface StoredCounts {
  records: number;
  auditEntries: number;
  attachments: number;
  comments: number;
  signatures: number;
  outbox: number;
  files: number;
}

export interface TestKit {
  baseUrl: string;
  storage: Storage;
  qms: QmsHandler;
  events: DomainEvent[];
  /** Where the local file store keeps attachments. */
  filesRoot: string;
  /** A fetch as one of the test users, JSON in and out. */
  as(user: TestUser): (path: string, init?: TestRequestInit) => Promise<TestResponse>;
  /** A plain fetch against the server, for what `as` would tidy away (streams, raw headers). */
  fetch(path: string, init?: RequestInit & { duplex?: 'half' }): Promise<Response>;
  counts(): Promise<StoredCounts>;
  close(): Promise<void>;
}

/** Every file under a directory, however deep (the store spreads files over subdirectories). */
async function countFiles(root: string): Promise<number> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

async function countStored(
  storage: Storage,
  registry: RecordTypeRegistry,
  filesRoot: string,
): Promise<StoredCounts> {
  const count = async (table: string) => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.id(table)}`.execute(
      storage.db,
    );
    return Number(rows[0]?.n ?? 0);
  };
  let records = 0;
  for (const recordType of registry.list) records += await count(recordTableName(recordType));
  return {
    records,
    auditEntries: await count('audit_trail'),
    attachments: await count('attachments'),
    comments: await count('comments'),
    signatures: await count('signatures'),
    outbox: await count('outbox'),
    files: await countFiles(filesRoot),
  };
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
  const fetchAt = (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, init);
  return {
    baseUrl,
    storage,
    qms,
    events,
    filesRoot,
    fetch: fetchAt,
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
        const response = await fetchAt(path, { method: init.method ?? 'GET', headers, body });
        const text = await response.text();
        let json: unknown = text;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON (CSV, a file): the text is the body.
        }
        return { status: response.status, headers: response.headers, body: json, json, text };
      },
    counts: () => countStored(storage, qms.registry, filesRoot),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections of the test's fetches would hold the close for seconds.
        server.closeAllConnections();
      });
      await storage.close();
      await rm(filesRoot, { recursive: true, force: true });
    },
  };
}
