import { everyone } from './roleGroups';
import type { DefaultRole } from './roles';

/**
 * Which roles may do what across an organization, beyond any one record: the row of the
 * permission matrix that no record type owns. `can(principal, 'reviewAuditTrail')` asks it.
 */
export const organizationPermissions = {
  /** Read and verify the organization-wide audit trail (each record's own trail goes with reading the record). */
  reviewAuditTrail: ['qa_reviewer', 'qa_approver', 'auditor', 'admin'],
  /** Export the organization-wide audit trail for inspection (21 CFR 11.10(b)). */
  exportAuditTrail: ['qa_reviewer', 'qa_approver', 'auditor', 'admin'],
  /** Create users, grant roles, reset passwords, deactivate accounts (21 CFR 11.10(g)). */
  administerUsers: ['admin'],
  /** Set the number prefix of each document kind (an organization setting, audited). */
  administerDocumentKinds: ['admin'],
  /** Read the training matrix: who is trained, due or overdue on each effective document. */
  viewTrainingMatrix: ['qa_reviewer', 'qa_approver', 'document_controller', 'auditor', 'admin'],
  /** Set who must be trained on each document kind (an organization setting, audited). */
  administerTraining: ['admin'],
  /** See the outbox's dead letters and requeue them (audited). */
  administerOutbox: ['admin'],
  /** Register webhook endpoints, rotate their secrets, read their delivery logs and replay (audited). */
  administerWebhooks: ['admin'],
  /**
   * Read the organization's KPIs and saved reports. A report on one record type asks, besides,
   * to read that type: counts are no wider than the records they count.
   */
  viewReports: everyone,
  /** Save reports and share them with roles; changing another's saved report takes `admin`. */
  manageSavedReports: ['qa_reviewer', 'qa_approver', 'document_controller', 'auditor', 'admin'],
  /**
   * Import records from a CSV or XLSX file (a legacy system's deviations, a LIMS's results);
   * each row asks, besides, to create a record of its type.
   */
  importRecords: ['qa_reviewer', 'qa_approver', 'admin'],
} as const satisfies Record<string, readonly DefaultRole[]>;

/** Something a principal asks to do in its organization rather than to one record. */
export type OrganizationAction = keyof typeof organizationPermissions;
