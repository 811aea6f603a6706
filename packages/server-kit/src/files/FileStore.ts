/** Where attachment bytes live: a local directory, S3, or whatever a host plugs in. */

/** A file's content as it arrives: a web stream (a Request body) or any async iterable (a Node stream). */
export type FileBody = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface FilePutOptions {
  /** Past this many bytes the upload is aborted with {@link FileTooLargeError} and nothing is kept. */
  maxBytes: number;
}

/** What the store measured while the bytes streamed through. */
export interface StoredFile {
  sizeBytes: number;
  /** SHA-256 of the content, lowercase hex: the attachment's integrity check. */
  sha256: string;
}

/**
 * A store of immutable files under opaque keys (see `newFileKey`). A key is written once:
 * attachments are evidence, so a second `put` under the same key is refused.
 */
export interface FileStore {
  /** Streams the body in; either the whole file is stored under `key`, or nothing is. */
  put(key: string, body: FileBody, options: FilePutOptions): Promise<StoredFile>;
  /** The file's content; rejects with {@link FileNotFoundError} when there is none. */
  get(key: string): Promise<ReadableStream<Uint8Array>>;
  /** Removes the file (an upload whose database row did not commit); no error if it is gone. */
  delete(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  readonly code = 'file_too_large';
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
  }
}

/** A key the store did not make and that is not of its strict form: it never reaches the disk. */
export class InvalidFileKeyError extends Error {
  override readonly name = 'InvalidFileKeyError';
  readonly code = 'invalid_file_key';
  constructor() {
    super('A file key is lowercase letters, digits and inner hyphens only');
  }
}

export class FileNotFoundError extends Error {
  override readonly name = 'FileNotFoundError';
  readonly code = 'file_not_found';
  constructor(readonly key: string) {
    super(`No file under key ${key}`);
  }
}

export class FileKeyTakenError extends Error {
  override readonly name = 'FileKeyTakenError';
  readonly code = 'file_key_taken';
  constructor(readonly key: string) {
    super(`A file is already stored under key ${key}`);
  }
}
