import { describe, expect, it } from 'vitest';
import { isReviewDueSoon, nextReviewDue } from './periodicReview';

describe('nextReviewDue', () => {
  it.each([
    ['2026-04-01', 24, '2028-04-01'],
    ['2026-04-01', 12, '2027-04-01'],
    ['2026-11-15', 3, '2027-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-01-31', 13, '2028-02-29'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-03-15T23:30:00.000Z', 6, '2026-09-15'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i months is %s', (effectiveDate, months, due) => {
    expect(nextReviewDue(effectiveDate, months)).toBe(due);
  });

  it.each([
    ['not a date', 12],
    ['2026-04-01', 0],
    ['2026-04-01', 1.5],
  ])('refuses %j with %s months', (effectiveDate, months) => {
    expect(() => nextReviewDue(effectiveDate, months)).toThrow(RangeError);
  });
});

describe('isReviewDueSoon', () => {
  const effective = { state: 'effective', effectiveDate: '2026-04-01', reviewIntervalMonths: 12 };

  it.each([
    ['2027-02-28T08:00:00.000Z', false],
    ['2027-03-02T00:00:00.000Z', true],
    ['2027-04-01T00:00:00.000Z', true],
    ['2027-06-01T00:00:00.000Z', true],
  ])('with the review due 2027-04-01, at %s a 30-day reminder is %s', (now, expected) => {
    expect(isReviewDueSoon(effective, now, 30)).toBe(expected);
  });

  it('prefers the due date on record to the one the interval gives', () => {
    expect(
      isReviewDueSoon({ ...effective, nextReviewDue: '2026-06-01' }, '2026-05-20T00:00:00.000Z', 30),
    ).toBe(true);
  });

  it.each(['approved', 'superseded', 'obsolete', 'draft'])('never reminds of a %s document', (state) => {
    expect(isReviewDueSoon({ ...effective, state }, '2030-01-01T00:00:00.000Z', 30)).toBe(false);
  });

  it('cannot remind without a date', () => {
    expect(isReviewDueSoon({ state: 'effective' }, '2030-01-01T00:00:00.000Z', 30)).toBe(false);
  });
});
