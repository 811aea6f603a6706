export * from './linkKinds';
export * from './linkSchemas';
