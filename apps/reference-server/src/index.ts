/** The reference server as a library, for tests, benchmarks and vendors who start from it. */

export { loadConfig } from './config';
export type { ReferenceServer, ReferenceServerOptions } from './createReferenceServer';
export { createReferenceServer } from './createReferenceServer';
export { createStorageFromConfig } from './createStorageFromConfig';
export { DEMO_PASSWORD, seedDemoData } from './seed/seedDemoData';
