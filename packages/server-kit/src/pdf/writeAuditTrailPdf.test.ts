/** `writeAuditTrailPdf` keeps its memory at about a page however long the trail it writes. */
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AuditTrailEntry } from '@masetra/core';
import { expect, it } from 'vitest';
import { writeAuditTrailPdf } from './writeAuditTrailPdf';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Entries as a long trail has them: every one with its own number, time, reason and hash. */
async function* trailOf(length: number): AsyncGenerator<AuditTrailEntry> {
  for (let seq = 1; seq <= length; seq += 1) {
    // A page of the trail at a time, as the database hands it over.
    if (seq % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    yield {
      id: `entry-${seq}`,
      orgId: 'org-a',
      seq,
      at: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
      actorId: 'quinn',
      actorName: 'Quinn QA',
      action: 'update',
      recordType: 'deviation',
      recordId: `record-${seq}`,
      recordNumber: `DEV-2026-${seq}`,
      changes: [{ field: 'description', old: `before ${seq} `.repeat(12), new: `after ${seq} `.repeat(12) }],
      reason: `correction ${seq}`,
      source: null,
      stateFrom: null,
      stateTo: null,
      previousHash: seq.toString(16).padStart(64, '0'),
      hash: (seq + 1).toString(16).padStart(64, '0'),
    };
  }
}

it('holds its memory flat while writing thousands of pages', async () => {
  const entries = 5000;
  const heap: number[] = [];
  let bytes = 0;
  const download = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  const result = await writeAuditTrailPdf(download, trailOf(entries), {
    locale: 'en',
    organizationName: 'Acme Pharma GmbH',
    printedBy: 'Quinn QA (quinn)',
    printedAt: new Date(),
    onProgress: (done) => {
      if (done % 1000 !== 0) return;
      collectGarbage();
      heap.push(process.memoryUsage().heapUsed);
    },
  });
  expect(result.entries).toBe(entries);
  expect(result.pages).toBeGreaterThan(500);
  expect(bytes).toBeGreaterThan(1_000_000);
  // From 1,000 entries to 5,000 (some 500 pages more) the heap grows by the page tree's few
  // hundred bytes a page; a font that kept every word's layout grew by some 70 MB.
  const growth = heap.at(-1)! - heap[0]!;
  expect(growth).toBeLessThan(6 * 1024 * 1024);
}, 120_000);
