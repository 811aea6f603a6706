export { myCapaTasks } from './myCapaTasks';
export { CAPA_TASK_ASSIGNED, notifyCapaTaskOwners } from './taskAssignmentNotices';
