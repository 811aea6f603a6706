/** Types */
export type { OutboxEvent } from './types';
export type { OutboxEventInput } from './enqueueOutboxEvent';
export type { ClaimOutboxBatchOptions } from './claimOutboxBatch';
export type { OutboxRetryPolicy } from './markOutboxFailed';
export type { OutboxDrainResult, OutboxWorker, OutboxWorkerOptions } from './createOutboxWorker';

/** Core */
export { claimOutboxBatch } from './claimOutboxBatch';
export { createOutboxWorker } from './createOutboxWorker';
export { enqueueOutboxEvent } from './enqueueOutboxEvent';
export { markOutboxDelivered } from './markOutboxDelivered';
export { markOutboxFailed } from './markOutboxFailed';
