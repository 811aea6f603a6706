import { can, type RecordAction, type RecordType } from '@masetra/core';
import type { RequestContext } from './KitContext';
import { problems } from './problems';

function describe(action: RecordAction): string {
  return typeof action === 'object' ? action.event : action;
}

/** Asks the permission matrix, at the moment of the request (21 CFR 11.10(d), (g)). */
export function authorize(context: RequestContext, recordType: RecordType, action: RecordAction): void {
  if (!can(context.principal, recordType, action)) {
    throw problems.forbidden(`Your roles do not allow ${describe(action)} on ${recordType.collection}.`);
  }
}

/** Roles that review the organization-wide audit trail. */
const auditReviewers = ['qa_reviewer', 'qa_approver', 'auditor', 'admin'];

export function authorizeAuditReview(context: RequestContext): void {
  if (!context.principal.roles.some((role) => auditReviewers.includes(role))) {
    throw problems.forbidden('Reviewing the audit trail needs a QA, auditor or admin role.');
  }
}
