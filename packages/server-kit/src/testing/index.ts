export type { TestStorageOptions } from './createTestStorage';
export { createTestStorage } from './createTestStorage';
export type { SampleRecordBase } from './sampleRecord';
export { sampleRecord } from './sampleRecord';
