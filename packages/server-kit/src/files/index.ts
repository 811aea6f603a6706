/** Types */
export type { FileBody, FilePutOptions, FileStore, StoredFile } from './FileStore';
export type { LocalFileStoreOptions } from './createLocalFileStore';

/** Core */
export { FileKeyTakenError, FileNotFoundError, FileTooLargeError, InvalidFileKeyError } from './FileStore';
export { assertFileKey, isFileKey, newFileKey } from './fileKey';
export { createLocalFileStore } from './createLocalFileStore';
