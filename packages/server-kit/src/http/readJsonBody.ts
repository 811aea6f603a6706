import { unstorableTextIssues } from '@masetra/core';
import { problems } from './problems';

/**
 * Reads a JSON body, refusing it before it is fully read when it exceeds the limit, so an
 * oversized body costs neither memory nor a half-written record.
 */
export async function readJsonBody(
  request: Request,
  limitBytes: number,
): Promise<{ value: unknown; text: string }> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw problems.unsupportedMediaType('application/json');
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limitBytes) throw problems.tooLarge(limitBytes);
  if (!request.body) throw problems.malformed('The request has no body.');
  const chunks: Uint8Array[] = [];
  let size = 0;
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
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw problems.malformed('The body is not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw problems.malformed('The body is not valid JSON.');
  }
  const issues = unstorableTextIssues(value);
  if (issues.length > 0) throw problems.validation('The body holds text that cannot be stored.', issues);
  return { value, text };
}
