import type * as z from 'zod/mini';
import type { FieldIssue } from '../record-type/fieldIssues';
import type { RecordBase } from '../record-type/recordBase';
import type { documentFields } from './schema';

type DocumentFields = z.infer<z.ZodMiniObject<typeof documentFields>>;
type DocumentField = keyof DocumentFields;

/** The text reviewers review: it changes only in draft, so a signature covers what was read. */
const reviewedFields: readonly DocumentField[] = [
  'title',
  'documentKind',
  'summary',
  'content',
  'contentFile',
  'contentText',
  'supersedesId',
];
/** Once approved, only the periodic review's next due date moves; anything else is a new version. */
const releasedFields: readonly DocumentField[] = [...reviewedFields, 'effectiveDate', 'reviewIntervalMonths'];

function lockedFields(state: string): readonly DocumentField[] {
  if (state === 'draft') return [];
  if (state === 'in_review' || state === 'in_approval') return reviewedFields;
  return releasedFields;
}

/**
 * Rules on a change to a controlled document that depend on its state. The version label
 * belongs to the lifecycle, the reviewed text to draft, and an approved document changes
 * only by a new version.
 */
export function validateDocumentChange(
  before: RecordBase & DocumentFields,
  changes: Partial<DocumentFields>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if ('versionLabel' in changes && changes.versionLabel !== before.versionLabel) {
    issues.push({ pointer: '/versionLabel', detail: 'The version label is set by the lifecycle.' });
  }
  for (const field of lockedFields(before.state)) {
    if (field in changes && changes[field] !== before[field]) {
      issues.push({
        pointer: `/${field}`,
        detail:
          before.state === 'in_review' || before.state === 'in_approval'
            ? 'Request changes to edit the document under review.'
            : `A ${before.state} document does not change; revise it as a new version.`,
      });
    }
  }
  return issues;
}
