import type * as z from 'zod/mini';
import { canonicalJson } from '../crypto/canonicalJson';
import type { fieldChangeSchema } from '../entities/auditTrailEntry';

/** One changed field of an audit-trail entry, as the contract shapes it. */
type FieldChange = z.infer<typeof fieldChangeSchema>;

/** Fields the server bumps on every write; recording them as changes would only add noise. */
const bookkeeping = new Set(['version', 'updatedAt']);

/**
 * What changed between two versions of a record, field by field in name order, so the audit
 * trail holds the old and the new value of each (21 CFR 11.10(e)). A create diffs against
 * `{}`, which records every initial value. Values compare by canonical JSON, so a reordered
 * object is no change; a missing value is recorded as `null`.
 *
 * @example
 * diffRecord({ title: 'Cold room', version: 1 }, { title: 'Cold room 2', version: 2 });
 * // [{ field: 'title', old: 'Cold room', new: 'Cold room 2' }]
 */
export function diffRecord(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of [...fields].sort()) {
    if (bookkeeping.has(field)) continue;
    const old = before[field] ?? null;
    const now = after[field] ?? null;
    if (canonicalJson(old) === canonicalJson(now)) continue;
    changes.push({ field, old, new: now });
  }
  return changes;
}
