import { Writable } from 'node:stream';

/** About a megabyte per stored piece: few rows for a large file, little memory while writing one. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * A writable stream that hands its bytes to `store` in pieces of `CHUNK_BYTES` (the last one
 * shorter), waiting for each store before taking more, so a file of any size passes through
 * about one piece of memory. Reports the pieces and bytes written.
 */
export function createChunkWriter(store: (seq: number, bytes: Buffer) => Promise<void>) {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let totalBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    totalBytes += bytes.byteLength;
    await store(seq, bytes);
    seq += 1;
  };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes < CHUNK_BYTES) return callback();
      flush().then(() => callback(), callback);
    },
    final(callback) {
      flush().then(() => callback(), callback);
    },
  });
  return { stream, written: () => ({ chunks: seq, bytes: totalBytes }) };
}
