import { defineRecordType } from '../record-type/defineRecordType';
import { auditMachine } from './machine';
import { auditPermissions } from './permissions';
import { auditFields, auditRequiredFields } from './schema';

/** Core */
export { auditMachine } from './machine';
/** Types */
export type { Audit } from './schema';
export { auditFields, auditKinds, auditRequiredFields } from './schema';

/** Audit: an internal or supplier audit, closed by its report once every finding is closed. */
export const audit = defineRecordType({
  name: 'audit',
  collection: 'audits',
  numberPrefix: 'AUD',
  fields: auditFields,
  createRequired: ['title'],
  machine: auditMachine,
  requiredFields: auditRequiredFields,
  searchFields: ['title', 'scope', 'auditee', 'supplierName', 'summary'],
  filterFields: ['auditKind', 'leadAuditorId', 'supplierName'],
  sortFields: ['plannedStart', 'plannedEnd', 'title'],
  titleField: 'title',
  permissions: auditPermissions,
  related: [{ type: 'finding', foreignKey: 'auditId' }],
  userReferences: ['/leadAuditorId'],
});
