import { canonicalJson } from '@masetra/core';

export interface FieldChange {
  field: string;
  old?: unknown;
  new?: unknown;
}

/** Fields the server bumps on every write; recording them as changes would only add noise. */
const bookkeeping = new Set(['version', 'updatedAt']);

/**
 * What changed between two versions of a record, field by field, so the audit trail holds
 * the old and the new value of each (21 CFR 11.10(e)). A create diffs against `{}`, which
 * records every initial value.
 */
export function diffRecord(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of [...fields].sort()) {
    if (bookkeeping.has(field)) continue;
    const old = before[field];
    const now = after[field];
    if (canonicalJson(old ?? null) === canonicalJson(now ?? null)) continue;
    changes.push({ field, old: old ?? null, new: now ?? null });
  }
  return changes;
}
