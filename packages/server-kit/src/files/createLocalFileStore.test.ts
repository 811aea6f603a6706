import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalFileStore } from './createLocalFileStore';
import {
  FileKeyTakenError,
  FileNotFoundError,
  type FileStore,
  FileTooLargeError,
  InvalidFileKeyError,
} from './FileStore';
import { newFileKey } from './fileKey';

const encoder = new TextEncoder();

function webStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** Every file under the root, temporary ones included. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('createLocalFileStore', () => {
  let root: string;
  let files: FileStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'masetra-files-'));
    files = createLocalFileStore({ root });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('streams a file in, measuring and hashing it, and streams it back out', async () => {
    const key = newFileKey();
    const chunks = ['Batch record ', 'page 1 of 2\n', 'ü'.repeat(100_000)].map((part) =>
      encoder.encode(part),
    );
    const content = Buffer.concat(chunks);
    const stored = await files.put(key, webStream(chunks), { maxBytes: 1_000_000 });
    expect(stored).toEqual({
      sizeBytes: content.byteLength,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(await text(await files.get(key))).toBe(content.toString('utf8'));
    expect(await filesUnder(root)).toEqual([key]);
  });

  it('takes a Node stream (any async iterable) as well', async () => {
    const key = newFileKey();
    const stored = await files.put(key, Readable.from([Buffer.from('abc'), Buffer.from('def')]), {
      maxBytes: 6,
    });
    expect(stored.sizeBytes).toBe(6);
    expect(await text(await files.get(key))).toBe('abcdef');
  });

  it('aborts past the size limit, keeping nothing and cancelling the upload', async () => {
    let cancelled = false;
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new Uint8Array(1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    const key = newFileKey();
    const upload = files.put(key, endless, { maxBytes: 10_000 });
    await expect(upload).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(upload).rejects.toMatchObject({ maxBytes: 10_000 });
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(20);
    expect(await filesUnder(root)).toEqual([]);
    await expect(files.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('keeps no partial file when the upload fails midway', async () => {
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('half a file'));
        controller.error(new Error('client went away'));
      },
    });
    await expect(files.put(newFileKey(), failing, { maxBytes: 1000 })).rejects.toThrow('client went away');
    expect(await filesUnder(root)).toEqual([]);
  });

  it('never overwrites a stored file', async () => {
    const key = newFileKey();
    await files.put(key, webStream([encoder.encode('original')]), { maxBytes: 100 });
    await expect(
      files.put(key, webStream([encoder.encode('forged')]), { maxBytes: 100 }),
    ).rejects.toBeInstanceOf(FileKeyTakenError);
    expect(await text(await files.get(key))).toBe('original');
    expect(await filesUnder(root)).toEqual([key]);
  });

  it.each([
    '../../etc/passwd',
    '..',
    'a/b',
    'a\\b',
    '/etc/passwd',
    'Report.pdf',
    'ABC',
    '',
    '-leading',
    'trailing-',
    'a'.repeat(129),
    'café',
    'a\u0000b',
  ])('refuses the key %j before touching the disk', async (key) => {
    await expect(files.put(key, webStream([encoder.encode('x')]), { maxBytes: 10 })).rejects.toBeInstanceOf(
      InvalidFileKeyError,
    );
    await expect(files.get(key)).rejects.toBeInstanceOf(InvalidFileKeyError);
    await expect(files.delete(key)).rejects.toBeInstanceOf(InvalidFileKeyError);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('deletes a file, and a missing one without complaint', async () => {
    const key = newFileKey();
    await files.put(key, webStream([encoder.encode('x')]), { maxBytes: 10 });
    await files.delete(key);
    await files.delete(key);
    await expect(files.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('generates keys of its own strict form', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newFileKey()));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9-]+$/);
  });
});
