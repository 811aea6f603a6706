import type { RecordPermissions } from '../permissions/recordPermissions';
import { approvers, everyone } from '../permissions/roleGroups';
import type { AuditEventType } from './machine';

/** Who may read, change and move audits. */
export const auditPermissions = {
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
} as const satisfies RecordPermissions<AuditEventType>;
