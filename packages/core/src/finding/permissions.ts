import type { RecordPermissions } from '../permissions/recordPermissions';
import { everyone } from '../permissions/roleGroups';
import type { FindingEventType } from './machine';

/** Who may read, change and move audit findings. */
export const findingPermissions = {
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
} as const satisfies RecordPermissions<FindingEventType>;
