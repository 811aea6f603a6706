export * from './hostObjectKinds';
export * from './linkKinds';
export * from './linkSchemas';
export * from './traceSchemas';
