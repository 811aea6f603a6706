import { type FieldIssue, toJsonPointer } from '@masetra/core';
import { problems } from './problems';

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what PostgreSQL text cannot hold
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Strings PostgreSQL cannot store (text and jsonb refuse NUL; jsonb refuses an unpaired
 * surrogate), found before they reach the database and answered as a 422, not a 500.
 * Walks without recursion: a body within the size limit may still nest thousands deep.
 */
function unstorableTextIssues(root: unknown): FieldIssue[] {
  interface Step {
    value: unknown;
    parent: Step | null;
    key: string | number | null;
  }
  const pathOf = (step: Step) => {
    const path: (string | number)[] = [];
    for (let at: Step | null = step; at?.parent; at = at.parent) path.unshift(at.key as string | number);
    return path;
  };
  const issues: FieldIssue[] = [];
  const report = (step: Step) =>
    issues.push({
      pointer: toJsonPointer(pathOf(step)),
      detail: 'Text may not contain NUL characters or unpaired surrogates.',
    });
  const pending: Step[] = [{ value: root, parent: null, key: null }];
  for (let step = pending.pop(); step; step = pending.pop()) {
    const { value } = step;
    if (typeof value === 'string') {
      if (unstorable.test(value)) report(step);
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) pending.push({ value: item, parent: step, key: index });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const child = { value: item, parent: step, key };
        if (unstorable.test(key)) report(child);
        pending.push(child);
      }
    }
  }
  return issues;
}

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
