import type { RequestContext } from '../http/KitContext';
import { verifiedContentBytes } from './contentFileBytes';
import { assertMayReadContent, loadDocument } from './documentAccess';

/** How a file goes out: as a download, never rendered from our origin, never cached. */
export function fileHeaders(fileName: string, mediaType: string, size: number): Record<string, string> {
  return {
    'content-type': mediaType,
    'content-length': String(size),
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  };
}

/** `GET /documents/{id}/content`: the content file as uploaded, after checking it is still that file. */
export async function downloadDocumentContentHandler(context: RequestContext): Promise<Response> {
  const { recordType, document } = await loadDocument(context);
  assertMayReadContent(context, recordType, document);
  const { file, bytes } = await verifiedContentBytes(context, document);
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      ...fileHeaders(file.fileName, file.mediaType, bytes.byteLength),
      digest: `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`,
    },
  });
}
