import type { RecordPermissions } from '../permissions/recordPermissions';
import { approvers, everyone } from '../permissions/roleGroups';
import type { ControlledDocumentEventType } from './machine';

/** Who may read, change and move controlled documents. */
export const documentPermissions = {
  read: everyone,
  create: ['document_controller', 'originator'],
  update: ['document_controller', 'originator'],
  comment: ['document_controller', 'originator', 'qa_reviewer', 'qa_approver'],
  attach: ['document_controller', 'originator'],
  events: {
    SUBMIT_FOR_REVIEW: ['document_controller', 'originator'],
    COMPLETE_REVIEW: ['qa_reviewer'],
    REQUEST_CHANGES: ['qa_reviewer', 'qa_approver'],
    APPROVE: approvers,
    RETIRE: ['document_controller', 'qa_approver'],
    // The machine further requires the actor to be the document's owner.
    CONFIRM_PERIODIC_REVIEW: ['document_controller', 'originator', 'qa_approver'],
    // Moved by the system on the effective date and by the next version, never by a person.
    BECOME_EFFECTIVE: [],
    SUPERSEDE: [],
  },
} as const satisfies RecordPermissions<ControlledDocumentEventType>;
