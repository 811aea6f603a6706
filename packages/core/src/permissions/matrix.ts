import type { RecordPermissions } from './recordPermissions';

const everyone = [
  'viewer',
  'originator',
  'investigator',
  'qa_reviewer',
  'qa_approver',
  'document_controller',
  'auditor',
  'admin',
] as const;
const quality = ['originator', 'investigator', 'qa_reviewer', 'qa_approver'] as const;
const approvers = ['qa_approver'] as const;

/**
 * The built-in permission matrix: role × record type × action or event. The record types
 * read their row from here; `can` is the one function that answers. Admins administer
 * users and hold no quality authority, so no administrator approves a record.
 */
export const permissionMatrix = {
  deviation: {
    read: everyone,
    create: quality,
    update: quality,
    comment: quality,
    attach: quality,
    events: {
      SUBMIT: quality,
      SUBMIT_ASSESSMENT: ['qa_reviewer', 'investigator', 'qa_approver'],
      APPROVE: approvers,
      REJECT: approvers,
      SUBMIT_INVESTIGATION: ['investigator', 'qa_reviewer'],
      APPROVE_FINAL: approvers,
      REJECT_FINAL: approvers,
      REQUEST_CANCELLATION: quality,
      APPROVE_CANCELLATION: approvers,
      REJECT_CANCELLATION: approvers,
    },
  },
  capa: {
    read: everyone,
    create: quality,
    update: ['investigator', 'qa_reviewer', 'qa_approver'],
    comment: quality,
    attach: quality,
    events: {
      SUBMIT_PLAN: ['investigator', 'qa_reviewer'],
      APPROVE_PLAN: approvers,
      REJECT_PLAN: approvers,
      COMPLETE_IMPLEMENTATION: ['investigator', 'qa_reviewer'],
      CONFIRM_EFFECTIVE: ['qa_reviewer', 'qa_approver'],
      REPORT_NOT_EFFECTIVE: ['qa_reviewer', 'qa_approver'],
      CANCEL: approvers,
    },
  },
  document: {
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
      BECOME_EFFECTIVE: [],
      SUPERSEDE: [],
    },
  },
  audit: {
    read: everyone,
    create: ['auditor'],
    update: ['auditor'],
    comment: ['auditor', 'qa_reviewer', 'qa_approver'],
    attach: ['auditor'],
    events: {
      START: ['auditor'],
      COMPLETE_FIELDWORK: ['auditor'],
      ISSUE_REPORT: approvers,
      CANCEL: ['auditor', 'qa_approver'],
    },
  },
  finding: {
    read: everyone,
    create: ['auditor'],
    update: ['auditor', 'investigator', 'qa_reviewer'],
    comment: ['auditor', 'investigator', 'qa_reviewer', 'qa_approver'],
    attach: ['auditor', 'investigator', 'qa_reviewer'],
    events: {
      SUBMIT_RESPONSE: ['investigator', 'qa_reviewer', 'originator'],
      VERIFY: ['auditor', 'qa_approver'],
      REJECT_RESPONSE: ['auditor', 'qa_approver'],
    },
  },
} satisfies Record<string, RecordPermissions>;
