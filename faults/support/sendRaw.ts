/**
 * Sends a request exactly as given — path, headers and bytes untouched by URL normalisation
 * or fetch's own checks — over a keep-alive pool, and reports the status or the transport
 * error.
 */
import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export type RawOutcome = { status: number } | { error: string };

export function rawSender(origin: string, sockets: number, keepAlive = true) {
  const url = new URL(origin);
  const agent = new Agent({ keepAlive, maxSockets: sockets });
  const send = (raw: RawRequest): Promise<RawOutcome> =>
    new Promise((resolve) => {
      let outgoing: ReturnType<typeof request>;
      // Node's client frames a body chunked only for POST, PUT and PATCH; a DELETE's body would go
      // out unframed and the server would read it as the next request. Frame it as a client does.
      const framed = Object.keys(raw.headers).some((name) =>
        ['content-length', 'transfer-encoding'].includes(name.toLowerCase()),
      );
      const headers =
        raw.body !== undefined && !framed && !['POST', 'PUT', 'PATCH'].includes(raw.method)
          ? { ...raw.headers, 'transfer-encoding': 'chunked' }
          : raw.headers;
      try {
        outgoing = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: raw.method,
            path: raw.path,
            headers,
            timeout: 60_000,
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
            response.on('error', (error) => resolve({ error: `response: ${error.message}` }));
          },
        );
      } catch (error) {
        // Node refused to send it (an invalid header, say): not the server's doing.
        resolve({ error: `not sent: ${(error as Error).message}` });
        return;
      }
      outgoing.on('timeout', () => outgoing.destroy(new Error('timed out after 60 s')));
      outgoing.on('error', (error) => resolve({ error: error.message }));
      outgoing.end(raw.body);
    });
  return { send, close: () => agent.destroy() };
}
