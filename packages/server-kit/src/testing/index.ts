/** Types */
export type { TestStorageOptions } from './createTestStorage';
export type { SampleRecordBase } from './sampleRecord';

/** Core */
export { createTestStorage } from './createTestStorage';
export { sampleRecord } from './sampleRecord';
