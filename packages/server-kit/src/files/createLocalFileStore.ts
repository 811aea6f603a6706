import { createHash, randomUUID } from 'node:crypto';
import { type FileHandle, link, mkdir, open, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type FileBody,
  FileKeyTakenError,
  FileNotFoundError,
  type FilePutOptions,
  type FileStore,
  FileTooLargeError,
  type StoredFile,
} from './FileStore';
import { assertFileKey } from './fileKey';

export interface LocalFileStoreOptions {
  /** Directory the files live in; created when missing. */
  root: string;
}

const readChunkBytes = 64 * 1024;

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** The body's chunks; a web stream is cancelled when the reader stops early, so the upload ends too. */
async function* chunksOf(body: FileBody): AsyncGenerator<Uint8Array> {
  if (!('getReader' in body)) {
    for await (const chunk of body) yield chunk;
    return;
  }
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

function streamOf(handle: FileHandle): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const buffer = new Uint8Array(readChunkBytes);
        const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
        if (bytesRead === 0) {
          await handle.close();
          controller.close();
        } else {
          controller.enqueue(buffer.subarray(0, bytesRead));
        }
      } catch (error) {
        await handle.close().catch(() => undefined);
        controller.error(error);
      }
    },
    async cancel() {
      await handle.close();
    },
  });
}

/**
 * A {@link FileStore} on the local disk. Keys are checked against a strict pattern before any
 * path is built, so nothing a user typed becomes a path. A file is streamed to a temporary
 * name, hashed and counted on the way, and only then linked under its key: a failed or
 * oversized upload leaves nothing behind, and no reader ever sees half a file.
 *
 * @example
 * const files = createLocalFileStore({ root: '.data/files' });
 * const { sizeBytes, sha256 } = await files.put(newFileKey(), request.body, { maxBytes: 25e6 });
 */
export function createLocalFileStore(options: LocalFileStoreOptions): FileStore {
  const root = resolve(options.root);
  // The last two characters of a UUIDv7 are random: they spread files over 1,296 directories.
  const pathOf = (key: string) => join(root, assertFileKey(key).slice(-2), key);

  return {
    async put(key: string, body: FileBody, { maxBytes }: FilePutOptions): Promise<StoredFile> {
      const path = pathOf(key);
      await mkdir(join(root, key.slice(-2)), { recursive: true });
      const temporary = join(root, `.upload-${randomUUID()}`);
      const handle = await open(temporary, 'wx');
      const hash = createHash('sha256');
      let sizeBytes = 0;
      try {
        try {
          for await (const chunk of chunksOf(body)) {
            if (!(chunk instanceof Uint8Array)) throw new TypeError('A file body yields bytes (Uint8Array)');
            sizeBytes += chunk.byteLength;
            if (sizeBytes > maxBytes) throw new FileTooLargeError(maxBytes);
            hash.update(chunk);
            await writeAll(handle, chunk);
          }
          await handle.sync();
        } finally {
          await handle.close();
        }
        // link, unlike rename, refuses to replace a file that is already there.
        await link(temporary, path).catch((error: unknown) => {
          throw hasCode(error, 'EEXIST') ? new FileKeyTakenError(key) : error;
        });
      } finally {
        await unlink(temporary).catch(() => undefined);
      }
      return { sizeBytes, sha256: hash.digest('hex') };
    },

    async get(key: string): Promise<ReadableStream<Uint8Array>> {
      const path = pathOf(key);
      const handle = await open(path, 'r').catch((error: unknown) => {
        throw hasCode(error, 'ENOENT') ? new FileNotFoundError(key) : error;
      });
      return streamOf(handle);
    },

    async delete(key: string): Promise<void> {
      await unlink(pathOf(key)).catch((error: unknown) => {
        if (!hasCode(error, 'ENOENT')) throw error;
      });
    },
  };
}
