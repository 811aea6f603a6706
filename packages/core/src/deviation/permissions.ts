import type { RecordPermissions } from '../permissions/recordPermissions';
import { approvers, everyone, quality } from '../permissions/roleGroups';
import type { DeviationEventType } from './machine';

/** Who may read, change and move deviations. */
export const deviationPermissions = {
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
} as const satisfies RecordPermissions<DeviationEventType>;
