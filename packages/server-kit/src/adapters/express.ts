import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { QmsHandler } from '../createQms';

type Next = (error?: unknown) => void;

/**
 * The request's origin. The Host header is the client's to choose, so one that is no valid
 * authority falls back to `localhost` rather than failing the request before the kit sees it.
 */
function originOf(req: IncomingMessage): string {
  const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const origin = `${protocol}://${req.headers.host ?? 'localhost'}`;
  try {
    return new URL(origin).origin;
  } catch {
    return `${protocol}://localhost`;
  }
}

/**
 * The request target's path and query, as a reference that resolves against the origin as a
 * path: the leading `/.` keeps a target such as `//other-host/x` from being read as a host.
 */
function pathAndQueryOf(target: string): string {
  if (target.startsWith('/')) return `/.${target}`;
  try {
    const absolute = new URL(target);
    return `/.${absolute.pathname}${absolute.search}`;
  } catch {
    return '/';
  }
}

/** Stops feeding the kit and lets the rest of the body flow away, so the connection stays usable. */
function drain(req: IncomingMessage, onData: ((chunk: Buffer) => void) | undefined): void {
  if (onData) req.off('data', onData);
  req.resume();
}

/**
 * The body as a web stream, read as the kit pulls it. Cancelling it (a body over the limit,
 * a file whose bytes contradict its type) drains the rest instead of destroying the request:
 * destroying it would reset the connection before the kit's 413 or 415 reached the client.
 */
function bodyOf(req: IncomingMessage): { body: ReadableStream<Uint8Array>; drain(): void } {
  let settled = false;
  let onData: ((chunk: Buffer) => void) | undefined;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // A body parser mounted before the kit has read it already: what is left is nothing, not a wait.
        if (req.readableEnded) {
          settled = true;
          controller.close();
          return;
        }
        onData = (chunk) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        };
        req.on('data', onData);
        req.once('end', () => {
          if (settled) return;
          settled = true;
          controller.close();
        });
        req.on('error', (error) => {
          if (settled) return;
          settled = true;
          controller.error(error);
        });
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        settled = true;
        drain(req, onData);
      },
    },
    { highWaterMark: 1 },
  );
  return {
    body,
    drain() {
      settled = true;
      drain(req, onData);
    },
  };
}

/** Builds a web Request from Node's, streaming the body rather than buffering it. */
function toRequest(req: IncomingMessage): { request: Request; drain(): void } {
  const url = new URL(pathAndQueryOf(req.url ?? '/'), originOf(req));
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const stream = req.method !== 'GET' && req.method !== 'HEAD' ? bodyOf(req) : undefined;
  const request = new Request(url, {
    method: req.method,
    headers,
    body: stream?.body,
    // Node requires this for a streamed request body.
    duplex: 'half',
  } as RequestInit);
  return { request, drain: () => stream?.drain() };
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  if (!response.body) {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>)
      .on('error', reject)
      .pipe(res)
      .on('finish', resolve)
      .on('error', reject);
  });
}

/**
 * Mounts the kit in Express (4 or 5) or any Node `(req, res, next)` stack:
 * `app.use('/qms', toExpress(qms))`. Mount it before any body parser, or on a router
 * without one: the kit reads the body stream itself.
 */
export function toExpress(qms: QmsHandler) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    Promise.resolve()
      .then(async () => {
        const { request, drain } = toRequest(req);
        const response = await qms(request);
        // Whatever of the body the kit left unread (it answered before reading it) is discarded.
        drain();
        await send(response, res);
      })
      .catch(next);
  };
}
