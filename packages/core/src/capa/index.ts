import { defineRecordType } from '../record-type/defineRecordType';
import { capaApprovalChain } from './extensionRequests';
import { capaMachine } from './machine';
import { capaPermissions } from './permissions';
import { capaFields, capaLifecycleFields, capaRequiredFields } from './schema';
import { validateCapaChange } from './validateCapaChange';

/** Core */
export {
  type CapaChainRole,
  capaApprovalChain,
  capaPendingExtension,
  type ExtensionRequest,
  type ExtensionRequestData,
} from './extensionRequests';
export { capaMachine } from './machine';
export { type MyCapaTask, myCapaTaskSchema, newlyAssignedTasks, openTasksOf } from './myTasks';
/** Types */
export type { Capa } from './schema';
export {
  capaFields,
  capaKinds,
  capaLifecycleFields,
  capaRequiredFields,
  capaSourceRefSchema,
  capaSourceTypes,
  capaTaskSchema,
  capaTasksDoneSchema,
  effectivenessResults,
  extensionRequestDataSchema,
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
  lifecycleFields: capaLifecycleFields,
  approvalChain: capaApprovalChain,
  machine: capaMachine,
  requiredFields: capaRequiredFields,
  searchFields: ['title', 'description', 'effectivenessCriteria', 'effectivenessEvidence'],
  filterFields: ['kind', 'effectivenessResult'],
  dueField: 'dueAt',
  sortFields: ['dueAt', 'title', 'kind'],
  titleField: 'title',
  permissions: capaPermissions,
  validateChange: validateCapaChange,
  userReferences: ['/tasks/*/ownerId'],
});
