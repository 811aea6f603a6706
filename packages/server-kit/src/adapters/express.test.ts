/** The Express adapter on a real listening server: what reaches the kit, and what reaches the client. */
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQms, type QmsHandler } from '../createQms';
import type { Storage } from '../storage/storage';
import { toExpress } from './express';

type Handler = (request: Request) => Promise<Response>;

/** What the handler under test does; each test sets it. */
let handler: Handler = async () => new Response(null, { status: 204 });
let server: Server;
let port: number;

beforeAll(async () => {
  const app = express();
  const stub = ((request: Request) => handler(request)) as QmsHandler;
  app.use('/api/v1', toExpress(stub));
  // A host that, against the advice, parses bodies before the kit.
  app.use('/parsed', express.json(), toExpress(stub));
  // A kit that fails inside: its authentication throws.
  const failing = createQms({
    storage: {} as Storage,
    authenticate: () => {
      throw new Error('database password is hunter2, see /srv/app/auth.ts:12:7');
    },
    verifySigner: () => ({ ok: false, code: 'unused' }),
  });
  app.use('/failing', toExpress(failing));
  server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

/** A raw HTTP/1.1 request, so headers and paths go out exactly as written. */
function raw(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  agent?: http.Agent;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: options.agent,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('the Request the kit gets', () => {
  it('has the path below the mount point, the query and the headers as sent', async () => {
    let seen: Request | undefined;
    handler = async (request) => {
      seen = request;
      return new Response('ok');
    };
    await raw({
      path: '/api/v1/deviations/%2541?sort=-number&q=a%20b',
      headers: { 'x-masetra-source': 'lims' },
    });
    const url = new URL(seen?.url ?? '');
    expect(url.pathname).toBe('/deviations/%2541');
    expect(url.searchParams.get('sort')).toBe('-number');
    expect(url.searchParams.get('q')).toBe('a b');
    expect(seen?.headers.get('x-masetra-source')).toBe('lims');
  });

  it('keeps a target that starts with // a path, not a host', async () => {
    let seen = '';
    handler = async (request) => {
      seen = request.url;
      return new Response('ok');
    };
    const response = await raw({ path: '/api/v1//evil.example/deviations' });
    expect(response.status).toBe(200);
    expect(new URL(seen).host).toBe(`127.0.0.1:${port}`);
  });

  it('falls back to localhost when the Host header is no valid authority, instead of an HTML 500', async () => {
    let seen = '';
    handler = async (request) => {
      seen = request.url;
      return new Response('ok');
    };
    const response = await raw({ path: '/api/v1/deviations', headers: { host: 'a b' } });
    expect(response.status).toBe(200);
    expect(new URL(seen).hostname).toBe('localhost');
  });

  it('gives an empty body, not a wait for ever, when a body parser before the kit has read it', async () => {
    handler = async (request) => new Response(`read ${(await request.text()).length} characters`);
    const response = await raw({
      method: 'POST',
      path: '/parsed/deviations',
      headers: { 'content-type': 'application/json' },
      body: '{"title":"x"}',
    });
    expect(response.body).toBe('read 0 characters');
  });

  it('streams the body to the kit', async () => {
    handler = async (request) => new Response(String((await request.arrayBuffer()).byteLength));
    const body = new Uint8Array(300_000).fill(7);
    expect((await raw({ method: 'POST', path: '/api/v1/upload', body })).body).toBe('300000');
  });
});

describe('answers that leave the body unread', () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  afterAll(() => agent.destroy());
  const small = new Uint8Array(32 * 1024).fill(1);
  const big = new Uint8Array(8 * 1024 * 1024).fill(1);
  const refusals: [string, Handler][] = [
    ['answered before reading', async () => new Response('too big', { status: 413 })],
    [
      'cancelled after the first chunk',
      async (request) => {
        const reader = (request.body as ReadableStream<Uint8Array>).getReader();
        await reader.read();
        await reader.cancel();
        return new Response('refused', { status: 415 });
      },
    ],
  ];

  it.each(refusals)(
    '%s, with a little left: the rest is drained and the connection serves the next request',
    async (_name, refuse) => {
      handler = refuse;
      const refused = await raw({ method: 'POST', path: '/api/v1/upload', body: small, agent });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.headers.connection).not.toBe('close');
      handler = async () => new Response('next');
      const next = await raw({ path: '/api/v1/next', agent });
      expect(next).toMatchObject({ status: 200, body: 'next' });
    },
  );

  it.each(refusals)(
    '%s, with megabytes left: the answer arrives, the connection closes, the rest is never read',
    async (_name, refuse) => {
      handler = refuse;
      const sockets: import('node:net').Socket[] = [];
      const track = (socket: import('node:net').Socket) => sockets.push(socket);
      server.on('connection', track);
      try {
        const refused = await raw({ method: 'POST', path: '/api/v1/upload', body: big });
        expect(refused.status).toBeGreaterThanOrEqual(400);
        expect(refused.headers.connection).toBe('close');
        await new Promise((resolve) => setTimeout(resolve, 200));
        const read = sockets.reduce((total, socket) => total + socket.bytesRead, 0);
        expect(read).toBeLessThan(big.byteLength / 2);
      } finally {
        server.off('connection', track);
      }
      handler = async () => new Response('next');
      expect(await raw({ path: '/api/v1/next', agent })).toMatchObject({ status: 200, body: 'next' });
    },
  );
});

describe('the response the client gets', () => {
  it('keeps status, headers and a streamed body', async () => {
    handler = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('part one, '));
            controller.enqueue(new TextEncoder().encode('part two'));
            controller.close();
          },
        }),
        { status: 201, headers: { etag: '"3"', 'content-type': 'text/plain' } },
      );
    const response = await raw({ path: '/api/v1/x' });
    expect(response).toMatchObject({ status: 201, body: 'part one, part two' });
    expect(response.headers.etag).toBe('"3"');
  });

  it('an error inside the kit is a 500 problem that tells nothing of it', async () => {
    const response = await raw({ path: '/failing/deviations' });
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.body)).toMatchObject({ status: 500, title: 'Internal error' });
    expect(response.body).not.toMatch(/hunter2|auth\.ts|at /);
  });

  it('paths the kit does not know stay within the kit: 404 problem+json, not the host’s HTML', async () => {
    const response = await raw({ path: '/failing/nothing-here' });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });
});
