import { defineRecordType } from '../record-type/defineRecordType';
import { documentApprovalChain } from './approvalChain';
import { documentMachine } from './machine';
import { documentPermissions } from './permissions';
import { documentFields, documentLifecycleFields, documentRequiredFields } from './schema';
import { validateDocumentChange } from './validateDocumentChange';
import { FIRST_VERSION_LABEL } from './versionLabel';

/** Core */
export { type DocumentChainRole, documentApprovalChain } from './approvalChain';
export { type DocumentContentFile, documentContentFileSchema, documentContentTypes } from './contentFile';
export { defaultDocumentNumberPrefixes, documentNumberPrefixPattern, formatDocumentNumber } from './kinds';
export { documentMachine } from './machine';
export {
  isPeriodicReviewOpen,
  isReviewDueSoon,
  nextReviewDue,
  PERIODIC_REVIEW_WINDOW_DAYS,
} from './periodicReview';
/** Types */
export type { ControlledDocument, DocumentKind } from './schema';
export {
  DOCUMENT_CONTENT_TEXT_LIMIT,
  documentFields,
  documentKinds,
  documentLifecycleFields,
  documentRequiredFields,
} from './schema';
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
  // The kind chooses the number's prefix, so it is known before the number is given.
  createRequired: ['title', 'documentKind'],
  lifecycleFields: documentLifecycleFields,
  initialValues: { versionLabel: FIRST_VERSION_LABEL },
  // The PDF's text feeds search only; the version a revision revises is shown by the versions view.
  hiddenFields: ['contentText', 'supersedesId'],
  approvalChain: documentApprovalChain,
  machine: documentMachine,
  requiredFields: documentRequiredFields,
  // `contentText` is the text of the PDF content file, so a word only inside the file finds it.
  searchFields: ['title', 'summary', 'content', 'contentText'],
  filterFields: ['documentKind', 'versionLabel'],
  // The periodic review: an effective document is overdue once this date has passed.
  dueField: 'nextReviewDue',
  sortFields: ['title', 'effectiveDate', 'nextReviewDue', 'documentKind'],
  titleField: 'title',
  permissions: documentPermissions,
  validateChange: validateDocumentChange,
  // The version a newly effective document replaces stops being in force at the same moment.
  // A periodic review keeps the version effective (from = to): it supersedes nothing.
  followUps: (document, from, to) =>
    to === 'effective' && from !== 'effective' && document.supersedesId
      ? [{ recordId: document.supersedesId, event: 'SUPERSEDE' }]
      : [],
});
