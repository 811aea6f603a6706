import { describe, expect, it } from 'vitest';
import type { ControlledDocument } from './index';
import { validateDocumentChange } from './validateDocumentChange';

function documentIn(state: string): ControlledDocument {
  return {
    id: '01960000-0000-7000-8000-0000000000d1',
    orgId: 'org-acme',
    type: 'document',
    number: 'DOC-2026-0001',
    state,
    version: 4,
    ownerId: 'user-author',
    createdBy: 'user-author',
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-03T09:00:00.000Z',
    title: 'Cleaning of tablet press tooling',
    documentKind: 'sop',
    content: '1. Purpose ...',
    versionLabel: '0.2',
    effectiveDate: '2026-04-01',
    reviewIntervalMonths: 24,
  };
}

const pointers = (state: string, changes: Partial<ControlledDocument>) =>
  validateDocumentChange(documentIn(state), changes).map((issue) => issue.pointer);

describe('validateDocumentChange', () => {
  it('lets a draft change its text and dates', () => {
    expect(
      pointers('draft', {
        content: '1. Purpose (revised)',
        title: 'Tooling cleaning',
        effectiveDate: '2026-05-01',
      }),
    ).toEqual([]);
  });

  it.each(['draft', 'in_review', 'effective'])('keeps the version label to the lifecycle in %s', (state) => {
    expect(pointers(state, { versionLabel: '1.0' })).toEqual(['/versionLabel']);
    expect(pointers(state, { versionLabel: '0.2' })).toEqual([]);
  });

  it.each(['in_review', 'in_approval'])('freezes the reviewed text in %s, not the release dates', (state) => {
    expect(pointers(state, { content: 'Edited during review' })).toEqual(['/content']);
    expect(pointers(state, { effectiveDate: '2026-05-01', reviewIntervalMonths: 12 })).toEqual([]);
  });

  it.each(['approved', 'effective', 'superseded', 'obsolete'])(
    'lets a %s document move only its next review date',
    (state) => {
      expect(pointers(state, { effectiveDate: '2026-05-01', title: 'New title' })).toEqual([
        '/title',
        '/effectiveDate',
      ]);
      expect(pointers(state, { nextReviewDue: '2028-06-01' })).toEqual([]);
    },
  );
});
