/** Types */
export type { Trainees, TrainingKindSetting, TrainingKindSettingInput } from './trainees';
/** Core */
export {
  DEFAULT_TRAINING_DUE_DAYS,
  mergeTrainees,
  traineesSchema,
  trainingKindSettingInputSchema,
  trainingKindSettingSchema,
  trainingTrigger,
} from './trainees';
export type { TrainingCellStatus, TrainingMatrix, TrainingMatrixCell } from './trainingMatrix';
export {
  trainingCellStatus,
  trainingCellStatuses,
  trainingDueOn,
  trainingMatrixSchema,
} from './trainingMatrix';
export type { MyTraining, TrainingAcknowledgement, TrainingTask, TrainingTaskStatus } from './trainingTask';
export {
  myTrainingSchema,
  trainingAcknowledgementSchema,
  trainingTaskSchema,
  trainingTaskStatuses,
} from './trainingTask';
