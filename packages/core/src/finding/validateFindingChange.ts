import type * as z from 'zod/mini';
import type { FieldIssue } from '../record-type/fieldIssues';
import type { RecordBase } from '../record-type/recordBase';
import type { findingFields } from './schema';

type FindingFields = z.infer<z.ZodMiniObject<typeof findingFields>>;

/** A finding stays with the audit that raised it: that audit's report depends on it. */
export function validateFindingChange(
  before: RecordBase & FindingFields,
  changes: Partial<FindingFields>,
): FieldIssue[] {
  if ('auditId' in changes && changes.auditId !== before.auditId) {
    return [{ pointer: '/auditId', detail: 'A finding stays with the audit that raised it.' }];
  }
  return [];
}
