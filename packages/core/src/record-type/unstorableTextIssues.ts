import { type FieldIssue, toJsonPointer } from './fieldIssues';

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what PostgreSQL text cannot hold
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

interface Step {
  value: unknown;
  parent: Step | null;
  key: string | number | null;
}

function pathOf(step: Step): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Step | null = step; at?.parent; at = at.parent) path.unshift(at.key as string | number);
  return path;
}

/**
 * Strings PostgreSQL cannot store (text and jsonb refuse NUL; jsonb refuses an unpaired
 * surrogate), found in a parsed JSON body before they reach the database, so that a server
 * answers 422 with a pointer to the field, not 500. The kit checks every body with it; a host
 * checks the bodies of its own routes with it too.
 * Walks without recursion: a body within the size limit may still nest thousands deep.
 */
export function unstorableTextIssues(root: unknown): FieldIssue[] {
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
