import { auditEntryHash } from '@masetra/core';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { hashAuditEntry } from './hashAuditEntry';

it('gives the hash core computes with WebCrypto, for any entry', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.stringMatching(/^[0-9a-f]{64}$/),
      fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
      async (previousHash, content) => {
        expect(hashAuditEntry(previousHash, content)).toBe(await auditEntryHash(previousHash, content));
      },
    ),
    { numRuns: 300 },
  );
});
