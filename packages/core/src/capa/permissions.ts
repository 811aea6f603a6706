import type { RecordPermissions } from '../permissions/recordPermissions';
import { approvers, everyone, quality } from '../permissions/roleGroups';
import type { CapaEventType } from './machine';

/** Who may read, change and move CAPAs. */
export const capaPermissions = {
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
} as const satisfies RecordPermissions<CapaEventType>;
