import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { QmsHandler } from '../createQms';

type Next = (error?: unknown) => void;

/** Builds a web Request from Node's, streaming the body rather than buffering it. */
function toRequest(req: IncomingMessage & { originalUrl?: string }): Request {
  const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const url = new URL(req.url ?? '/', `${protocol}://${req.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Node requires this for a streamed request body.
    duplex: 'half',
  } as RequestInit);
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
    qms(toRequest(req))
      .then((response) => send(response, res))
      .catch(next);
  };
}
