/** Groups of the default roles that the built-in record types grant together. */
import type { DefaultRole } from './roles';

export const everyone = [
  'viewer',
  'originator',
  'investigator',
  'qa_reviewer',
  'qa_approver',
  'document_controller',
  'auditor',
  'admin',
] as const satisfies readonly DefaultRole[];

/** Who raises and works quality records. */
export const quality = [
  'originator',
  'investigator',
  'qa_reviewer',
  'qa_approver',
] as const satisfies readonly DefaultRole[];

/**
 * Who signs approvals. Admins administer users and hold no quality authority, so no
 * administrator approves a record.
 */
export const approvers = ['qa_approver'] as const satisfies readonly DefaultRole[];
