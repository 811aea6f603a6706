import { defineRecordType } from '../record-type/defineRecordType';
import { deviationMachine } from './machine';
import { deviationPermissions } from './permissions';
import { deviationFields, deviationRequiredFields } from './schema';

/** Core */
export { deviationMachine } from './machine';
/** Types */
export type { Deviation } from './schema';
export {
  deviationFields,
  deviationRequiredFields,
  deviationSeverities,
  fishboneCategories,
  fishboneCauseSchema,
  fiveWhyStepSchema,
  investigationSchema,
  rootCauseMethods,
} from './schema';

/** Deviation: an unplanned departure from an approved procedure or specification. */
export const deviation = defineRecordType({
  name: 'deviation',
  collection: 'deviations',
  numberPrefix: 'DEV',
  fields: deviationFields,
  createRequired: ['title'],
  // Kept by links (`addressed_by`, `recurrence_of`), in each link's transaction: no create or
  // update writes them, so a field can never name a CAPA that no link joins.
  lifecycleFields: ['linkedCapaIds', 'recurrence'],
  machine: deviationMachine,
  requiredFields: deviationRequiredFields,
  searchFields: ['title', 'description', 'area', 'immediateActions', 'rootCause'],
  filterFields: ['severity', 'area'],
  dueField: 'dueAt',
  severityField: 'severity',
  sortFields: ['severity', 'occurredAt', 'dueAt', 'title'],
  titleField: 'title',
  permissions: deviationPermissions,
});
