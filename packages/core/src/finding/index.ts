import { defineRecordType } from '../record-type/defineRecordType';
import { findingMachine } from './machine';
import { findingPermissions } from './permissions';
import { findingFields, findingRequiredFields } from './schema';
import { validateFindingChange } from './validateFindingChange';

/** Core */
export { findingMachine } from './machine';
/** Types */
export type { Finding } from './schema';
export { findingClassifications, findingFields, findingRequiredFields } from './schema';
export { validateFindingChange } from './validateFindingChange';

/** Finding: a gap an audit found, answered by a response and closed by the auditor's verification. */
export const finding = defineRecordType({
  name: 'finding',
  collection: 'findings',
  numberPrefix: 'FND',
  fields: findingFields,
  createRequired: ['auditId', 'title'],
  // The response CAPAs are `addressed_by` links; the server keeps this list in step with them.
  lifecycleFields: ['linkedCapaIds'],
  machine: findingMachine,
  requiredFields: findingRequiredFields,
  searchFields: ['title', 'description', 'requirementRef', 'response'],
  filterFields: ['auditId', 'classification'],
  groupFields: ['classification', 'auditId'],
  dueField: 'dueAt',
  severityField: 'classification',
  sortFields: ['classification', 'dueAt', 'title'],
  titleField: 'title',
  permissions: findingPermissions,
  parent: { type: 'audit', foreignKey: 'auditId' },
  validateChange: validateFindingChange,
});
