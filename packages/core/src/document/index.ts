import { defineRecordType } from '../record-type/defineRecordType';
import { documentMachine } from './machine';
import { documentPermissions } from './permissions';
import { documentFields, documentRequiredFields } from './schema';
import { validateDocumentChange } from './validateDocumentChange';

/** Core */
export { documentMachine } from './machine';
export { isReviewDueSoon, nextReviewDue } from './periodicReview';
/** Types */
export type { ControlledDocument } from './schema';
export { documentFields, documentKinds, documentRequiredFields } from './schema';
export { validateDocumentChange } from './validateDocumentChange';
export {
  FIRST_VERSION_LABEL,
  isVersionLabel,
  nextMajorVersion,
  nextMinorVersion,
  versionLabelOf,
  versionLabelPattern,
} from './versionLabel';

/**
 * Controlled document: an SOP, form, specification or policy, approved in versions.
 * Named `controlledDocument` so that importing it never shadows the browser's `document`;
 * its registry name is `document`.
 */
export const controlledDocument = defineRecordType({
  name: 'document',
  collection: 'documents',
  numberPrefix: 'DOC',
  fields: documentFields,
  createRequired: ['title'],
  machine: documentMachine,
  requiredFields: documentRequiredFields,
  searchFields: ['title', 'summary', 'content'],
  filterFields: ['documentKind', 'versionLabel'],
  sortFields: ['title', 'effectiveDate', 'nextReviewDue', 'documentKind'],
  titleField: 'title',
  permissions: documentPermissions,
  validateChange: validateDocumentChange,
  // The version a newly effective document replaces stops being in force at the same moment.
  followUps: (document, _from, to) =>
    to === 'effective' && document.supersedesId
      ? [{ recordId: document.supersedesId, event: 'SUPERSEDE' }]
      : [],
});
