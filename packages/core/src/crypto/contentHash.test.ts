import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';
import { coveredAttachmentList, recordContentHash } from './contentHash';
import { sha256Hex } from './sha256';

const record = {
  id: '01960000-0000-7000-8000-000000000001',
  orgId: 'org-acme',
  type: 'deviation',
  number: 'DEV-2026-0001',
  state: 'closed',
  version: 5,
  updatedAt: '2026-03-05T14:03:00.000Z',
  title: 'Tablet hardness out of specification, batch 24-117',
};
/** The hash of `record` as the release before attachments were covered computed it (pinned). */
const hashBeforeAttachments = 'c2fc582ab0a963bf023e66b8fc2ee80dee2ab8d0bb0459db5578ccb1c288de48';

const report = { id: '01960000-0000-7000-8000-0000000000a1', sha256: 'a'.repeat(64) };
const photo = { id: '01960000-0000-7000-8000-0000000000b2', sha256: 'b'.repeat(64) };

describe('recordContentHash', () => {
  it('is the hash a signature had before attachments were covered, with no attachments or an empty list', async () => {
    expect(await recordContentHash(record)).toBe(hashBeforeAttachments);
    expect(await recordContentHash(record, [])).toBe(hashBeforeAttachments);
    // A write's time is not content: the same version written later hashes the same.
    expect(await recordContentHash({ ...record, updatedAt: '2027-01-01T00:00:00.000Z' }, [])).toBe(
      hashBeforeAttachments,
    );
  });

  it('covers the attachments given: their ids and SHA-256s, with the record', async () => {
    const withReport = await recordContentHash(record, [report]);
    expect(withReport).not.toBe(hashBeforeAttachments);
    expect(withReport).toBe(
      await sha256Hex(
        canonicalJson({
          record: Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'updatedAt')),
          attachments: [report],
        }),
      ),
    );
    // Another file under the same id, another attachment with the same file, one more attachment.
    expect(await recordContentHash(record, [{ ...report, sha256: 'c'.repeat(64) }])).not.toBe(withReport);
    expect(await recordContentHash(record, [{ ...report, id: photo.id }])).not.toBe(withReport);
    expect(await recordContentHash(record, [report, photo])).not.toBe(withReport);
    // And the record still counts: another version with the same attachment differs.
    expect(await recordContentHash({ ...record, version: 6 }, [report])).not.toBe(withReport);
  });

  it('does not depend on the order the attachments are listed in, nor on their other fields', async () => {
    const inOrder = await recordContentHash(record, [report, photo]);
    expect(await recordContentHash(record, [photo, report])).toBe(inOrder);
    expect(
      await recordContentHash(record, [
        { ...photo, fileName: 'photo.png', uploadedAt: '2026-03-04T10:00:00.000Z' } as typeof photo,
        report,
      ]),
    ).toBe(inOrder);
  });
});

describe('coveredAttachmentList', () => {
  it('sorts by id in code-unit order and keeps only the id and SHA-256', () => {
    const upper = { id: 'B-attachment', sha256: '1'.repeat(64) };
    const lower = { id: 'a-attachment', sha256: '2'.repeat(64), fileName: 'x.pdf' } as typeof upper;
    expect(coveredAttachmentList([lower, photo, upper, report])).toEqual([
      report,
      photo,
      upper,
      {
        id: 'a-attachment',
        sha256: '2'.repeat(64),
      },
    ]);
  });

  it('refuses the same attachment listed twice', () => {
    expect(() => coveredAttachmentList([report, photo, { ...report }])).toThrow(/listed twice/);
  });
});
