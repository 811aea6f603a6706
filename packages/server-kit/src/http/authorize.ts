import { can, type OrganizationAction, type RecordAction, type RecordType } from '@masetra/core';
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

const organizationWork: Record<OrganizationAction, string> = {
  reviewAuditTrail: 'reviewing the audit trail',
  exportAuditTrail: 'exporting the audit trail',
  administerUsers: 'administering users',
  administerDocumentKinds: 'setting the number prefixes of document kinds',
  viewTrainingMatrix: 'reading the training matrix',
  administerTraining: 'setting who must be trained',
  administerOutbox: 'administering the outbox',
  administerWebhooks: 'administering webhooks',
  viewReports: 'reading reports',
  manageSavedReports: 'saving reports',
  importRecords: 'importing records',
};

/** Asks the permission matrix's organization row: work across the organization, not on one record. */
export function authorizeOrganization(context: RequestContext, action: OrganizationAction): void {
  if (!can(context.principal, action)) {
    throw problems.forbidden(`Your roles do not allow ${organizationWork[action]}.`);
  }
}
