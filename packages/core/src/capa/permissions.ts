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
    // Those who carry out the plan ask for more time; an approver decides, never the one who asked.
    REQUEST_EXTENSION: ['investigator', 'qa_reviewer'],
    APPROVE_EXTENSION: approvers,
    REFUSE_EXTENSION: approvers,
    CANCEL: approvers,
  },
} as const satisfies RecordPermissions<CapaEventType>;
