import { IMPORT_MAX_BYTES } from '@masetra/core';
import { problems } from '../http/problems';

/**
 * Reads an import's file, refusing it before it is fully read when it exceeds the limit, and
 * an empty one with a 422: there is nothing to check or import.
 */
export async function readImportBody(request: Request, limitBytes = IMPORT_MAX_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limitBytes) throw problems.tooLarge(limitBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) {
        await reader.cancel();
        throw problems.tooLarge(limitBytes);
      }
      chunks.push(value);
    }
  }
  if (size === 0)
    throw problems.validation(
      'The file is empty.',
      [{ pointer: '', detail: 'Send a CSV or XLSX file.' }],
      'import_empty',
    );
  return new Uint8Array(Buffer.concat(chunks));
}
