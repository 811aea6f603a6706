export type { MyTrainingProps, MyTrainingSlot } from './MyTraining';
export { MyTraining } from './MyTraining';
export type { TrainingMatrixProps, TrainingMatrixSlot } from './TrainingMatrix';
export { TrainingMatrix } from './TrainingMatrix';
export type { TrainingOverdueProps, TrainingOverdueSlot } from './TrainingOverdue';
export { TrainingOverdue } from './TrainingOverdue';
export { trainingKeys, useAcknowledgeTraining, useMyTraining, useTrainingMatrix } from './useTraining';
