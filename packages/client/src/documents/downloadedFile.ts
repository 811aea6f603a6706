// A binary answer of the contract as a file: its bytes and the name the server gave it.
import type { RouteDefinition } from '@masetra/core';
import type { Call, Transport } from '../internal/transport';

/** A file the server sent: its bytes, and its name from `Content-Disposition` when it gave one. */
export interface DownloadedFile {
  blob: Blob;
  /** The file name the server suggests (`filename*` or `filename`); `undefined` when it gave none. */
  fileName: string | undefined;
}

/** The file name of a `Content-Disposition` header, preferring the RFC 5987 `filename*`. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
  if (extended?.[2]) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*("(?:[^"\\]|\\.)*"|[^;]+)/i.exec(disposition);
  if (!plain?.[1]) return undefined;
  const value = plain[1].trim();
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}

/** Sends a route whose answer is a file, and reads it as a Blob with its name. */
export async function downloadFile(
  send: Transport,
  route: RouteDefinition,
  call: Call,
): Promise<DownloadedFile> {
  const { data, response } = await send(route, call);
  return { blob: data as Blob, fileName: fileNameOf(response.headers.get('content-disposition')) };
}
