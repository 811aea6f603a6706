import { defineRecordType } from '../record-type/defineRecordType';
import { documentApprovalChain } from './approvalChain';
import { documentMachine } from './machine';
import { documentPermissions } from './permissions';
import { documentFields, documentLifecycleFields, documentRequiredFields } from './schema';
import { validateDocumentChange } from './validateDocumentChange';

/** Core */
export { type DocumentChainRole, documentApprovalChain } from './approvalChain';
export { documentMachine } from './machine';
export { isReviewDueSoon, nextReviewDue } from './periodicReview';
/** Types */
export type { ControlledDocument } from './schema';
export { documentFields, documentKinds, documentLifecycleFields, documentRequiredFields } from './schema';
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
  lifecycleFields: documentLifecycleFields,
  approvalChain: documentApprovalChain,
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
