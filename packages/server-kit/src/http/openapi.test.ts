/** GET /openapi.json: served without authentication, valid OpenAPI 3.1, and the whole contract. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Validator } from '@seriousme/openapi-schema-validator';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toExpress } from '../adapters/express';
import { createQms, type QmsHandler } from '../createQms';
import type { Storage } from '../storage/storage';

let qms: QmsHandler;
let authenticateCalls = 0;
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  // The document is built from the contract alone; a storage that is never touched proves it.
  qms = createQms({
    storage: {} as Storage,
    authenticate: () => {
      authenticateCalls += 1;
      return null;
    },
    verifySigner: () => ({ ok: false, code: 'unused' }),
  });
  const app = express();
  app.use('/qms', toExpress(qms));
  server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/qms`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

type Operation = { operationId: string; security?: unknown[]; parameters?: { name: string; in: string }[] };

async function openapiDocument() {
  const response = await fetch(`${baseUrl}/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as { openapi: string; paths: Record<string, Record<string, Operation>> };
}

describe('GET /openapi.json', () => {
  it('is served without authentication and validates as OpenAPI 3.1', async () => {
    const document = await openapiDocument();
    const result = await new Validator().validate(document as never);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('lists every route of the contract, once, under its method and path', async () => {
    const { paths } = await openapiDocument();
    const documented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(
        ([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`,
      ),
    );
    const contract = qms.contract.routes.map((route) => `${route.method} ${route.path} ${route.id}`);
    expect(documented.sort()).toEqual([...contract].sort());
    expect(contract.length).toBeGreaterThanOrEqual(5 * 12 + 6);
  });

  it('says which routes need If-Match and which honour Idempotency-Key', async () => {
    const { paths } = await openapiDocument();
    for (const route of qms.contract.routes) {
      const operation = paths[route.path]?.[route.method.toLowerCase()];
      const headers = (operation?.parameters ?? [])
        .filter((parameter) => parameter.in === 'header')
        .map((p) => p.name);
      expect(headers.includes('If-Match'), route.id).toBe(!!route.requiresIfMatch);
      expect(headers.includes('Idempotency-Key'), route.id).toBe(!!route.idempotent);
    }
  });

  it('marks itself as needing no authentication, and every other route as needing it', async () => {
    const { paths } = await openapiDocument();
    expect(paths['/openapi.json']?.get?.security).toEqual([]);
    const open = Object.values(paths)
      .flatMap((operations) => Object.values(operations))
      .filter((operation) => operation.security?.length === 0)
      .map((operation) => operation.operationId);
    expect(open).toEqual(qms.contract.routes.filter((route) => route.public).map((route) => route.id));
    expect(open).toEqual(['openapi']);
  });

  it("never asks the host's authenticate for a public route, and asks it for every other", async () => {
    expect(authenticateCalls).toBe(0);
    const signedIn = qms.contract.routes.find((route) => route.id === 'auditTrail.list');
    const response = await fetch(`${baseUrl}${signedIn?.path}`);
    expect(response.status).toBe(401);
    expect(authenticateCalls).toBe(1);
  });

  it('takes no other method, and needs no authentication to say so', async () => {
    const response = await fetch(`${baseUrl}/openapi.json`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});
