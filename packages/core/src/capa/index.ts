import { permissionMatrix } from '../permissions/matrix';
import { defineRecordType, type RecordOf } from '../record-type/defineRecordType';
import { capaMachine } from './machine';
import { capaFields, capaRequiredFields } from './schema';
import { validateCapaChange } from './validateCapaChange';

/** Types */
export type Capa = RecordOf<typeof capa>;

/** Core */
export { capaMachine } from './machine';
export {
  capaFields,
  capaKinds,
  capaRequiredFields,
  capaSourceRefSchema,
  capaSourceTypes,
  capaTaskSchema,
  capaTasksDoneSchema,
  effectivenessResults,
  extensionRequestSchema,
  extensionRequestStatuses,
} from './schema';
export { capaOverdueTasks, capaTasksAllDone } from './tasks';
export { capaPlanLockedStates, validateCapaChange } from './validateCapaChange';

/** CAPA: a corrective or preventive action plan, carried out in tasks and checked for effectiveness. */
export const capa = defineRecordType({
  name: 'capa',
  collection: 'capas',
  numberPrefix: 'CAPA',
  fields: capaFields,
  createRequired: ['title'],
  machine: capaMachine,
  requiredFields: capaRequiredFields,
  searchFields: ['title', 'description', 'effectivenessCriteria', 'effectivenessEvidence'],
  filterFields: ['kind', 'effectivenessResult'],
  sortFields: ['dueAt', 'title', 'kind'],
  titleField: 'title',
  permissions: permissionMatrix.capa,
  validateChange: validateCapaChange,
  userReferences: ['/tasks/*/ownerId'],
});
