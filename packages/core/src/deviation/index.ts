import { permissionMatrix } from '../permissions/matrix';
import { defineRecordType } from '../record-type/defineRecordType';
import { deviationMachine } from './machine';
import { deviationFields, deviationRequiredFields } from './schema';

export { deviationMachine } from './machine';
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
  machine: deviationMachine,
  requiredFields: deviationRequiredFields,
  searchFields: ['title', 'description', 'area', 'immediateActions', 'rootCause'],
  filterFields: ['severity', 'area'],
  sortFields: ['severity', 'occurredAt', 'dueAt', 'title'],
  titleField: 'title',
  permissions: permissionMatrix.deviation,
});
