import { createReadStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { AuditCheckpoint, AuditCheckpointStore } from './AuditCheckpoint';

/**
 * Checkpoints as JSON lines appended to one file (say, under the data directory, or on a
 * volume the database's administrators cannot write). Each checkpoint is one `appendFile`
 * of one line, which a local file system writes whole even from several processes.
 */
export function createFileCheckpointStore(file: string): AuditCheckpointStore {
  let ready: Promise<unknown> | undefined;
  return {
    async append(checkpoint) {
      ready ??= mkdir(dirname(file), { recursive: true });
      await ready;
      await appendFile(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
    },
    async list(orgId) {
      const found: AuditCheckpoint[] = [];
      const stream = createReadStream(file, 'utf8');
      const opened = await new Promise<boolean>((resolve) => {
        stream.once('open', () => resolve(true));
        stream.once('error', () => resolve(false));
      });
      if (!opened) return found;
      for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
        if (!line.trim()) continue;
        // A line cut short by a crash mid-append states nothing; the next checkpoint restates its range.
        let checkpoint: AuditCheckpoint;
        try {
          checkpoint = JSON.parse(line) as AuditCheckpoint;
        } catch {
          continue;
        }
        if (checkpoint.orgId === orgId) found.push(checkpoint);
      }
      return found;
    },
  };
}
