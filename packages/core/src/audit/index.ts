import { permissionMatrix } from '../permissions/matrix';
import { defineRecordType, type RecordOf } from '../record-type/defineRecordType';
import { auditMachine } from './machine';
import { auditFields, auditRequiredFields } from './schema';

/** Types */
export type Audit = RecordOf<typeof audit>;

/** Core */
export { auditMachine } from './machine';
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
  permissions: permissionMatrix.audit,
  related: [{ type: 'finding', foreignKey: 'auditId' }],
  userReferences: ['/leadAuditorId'],
});
