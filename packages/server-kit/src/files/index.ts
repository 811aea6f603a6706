export type { LocalFileStoreOptions } from './createLocalFileStore';
export { createLocalFileStore } from './createLocalFileStore';
export type { FileBody, FilePutOptions, FileStore, StoredFile } from './FileStore';
export { FileKeyTakenError, FileNotFoundError, FileTooLargeError, InvalidFileKeyError } from './FileStore';
export { assertFileKey, isFileKey, newFileKey } from './fileKey';
