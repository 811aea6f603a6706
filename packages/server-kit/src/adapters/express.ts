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

/**
 * What of a body the kit left unread is read and discarded, so the connection serves the next
 * request; past this much, the connection is closed instead: a client sending gigabytes to a
 * route that refused them gets its answer, not our bandwidth.
 */
const UNREAD_BODY_LIMIT = 64 * 1024;

/**
 * Stops feeding the kit. Drains the rest when it is known to be small; otherwise stops reading
 * and says the connection must close after the answer. Returns whether it may stay open.
 */
function stopReading(
  req: IncomingMessage,
  onData: ((chunk: Buffer) => void) | undefined,
  received: number,
): boolean {
  if (onData) req.off('data', onData);
  if (req.readableEnded) return true;
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared - received <= UNREAD_BODY_LIMIT) {
    req.resume();
    return true;
  }
  req.pause();
  return false;
}

/**
 * The body as a web stream, read as the kit pulls it. Cancelling it (a body over the limit,
 * a file whose bytes contradict its type) stops reading but does not destroy the request:
 * destroying it would reset the connection before the kit's 413 or 415 reached the client.
 */
function bodyOf(req: IncomingMessage): { body: ReadableStream<Uint8Array>; stopReading(): boolean } {
  let settled = false;
  let received = 0;
  let keepAlive: boolean | undefined;
  let onData: ((chunk: Buffer) => void) | undefined;
  const stop = () => {
    settled = true;
    keepAlive ??= stopReading(req, onData, received);
    return keepAlive;
  };
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
          received += chunk.byteLength;
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
        stop();
      },
    },
    { highWaterMark: 1 },
  );
  return { body, stopReading: stop };
}

/** Builds a web Request from Node's, streaming the body rather than buffering it. */
function toRequest(req: IncomingMessage): { request: Request; stopReading(): boolean } {
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
  return { request, stopReading: () => stream?.stopReading() ?? true };
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
        const { request, stopReading } = toRequest(req);
        const response = await qms(request);
        // Whatever of the body the kit left unread (it answered before reading it) is discarded,
        // or, when that is more than a little, the connection closes once the answer is out.
        if (!stopReading()) res.setHeader('connection', 'close');
        await send(response, res);
      })
      .catch(next);
  };
}
