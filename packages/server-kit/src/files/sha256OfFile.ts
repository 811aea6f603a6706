import { createHash } from 'node:crypto';
import type { FileStore } from './FileStore';

/** The SHA-256 (lowercase hex) of a stored file, read through the store as a download would read it. */
export async function sha256OfFile(files: FileStore, key: string): Promise<string> {
  const hash = createHash('sha256');
  const reader = (await files.get(key)).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return hash.digest('hex');
    hash.update(value);
  }
}
