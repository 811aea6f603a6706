import { describe, expect, it } from 'vitest';
import { mergeTrainees, trainingKindSettingInputSchema } from './trainees';
import { trainingCellStatus, trainingDueOn } from './trainingMatrix';
import { trainingAcknowledgementSchema } from './trainingTask';

describe('training', () => {
  it('is due a number of days after the effective date, across a month and a year', () => {
    expect(trainingDueOn('2026-01-10', 30)).toBe('2026-02-09');
    expect(trainingDueOn('2026-12-20', 30)).toBe('2027-01-19');
  });

  it('merges a document’s and its kind’s trainees; the document’s days win', () => {
    expect(
      mergeTrainees(
        { roles: ['qa_reviewer'], userIds: ['u1'], dueDays: 10 },
        { roles: ['qa_reviewer', 'investigator'], userIds: ['u2'], dueDays: 20 },
      ),
    ).toEqual({ roles: ['qa_reviewer', 'investigator'], userIds: ['u1', 'u2'], dueDays: 10 });
    expect(mergeTrainees(undefined, { roles: [], userIds: [], dueDays: 14 }).dueDays).toBe(14);
    expect(mergeTrainees(undefined, undefined)).toEqual({ roles: [], userIds: [], dueDays: 30 });
  });

  it('says trained, due, overdue or not required; a superseded task counts for nothing', () => {
    expect(trainingCellStatus(undefined, '2026-05-01')).toBe('not_required');
    expect(trainingCellStatus({ status: 'superseded', dueOn: '2026-06-01' }, '2026-05-01')).toBe(
      'not_required',
    );
    expect(trainingCellStatus({ status: 'acknowledged', dueOn: '2026-01-01' }, '2026-05-01')).toBe('trained');
    expect(trainingCellStatus({ status: 'open', dueOn: '2026-05-01' }, '2026-05-01')).toBe('due');
    expect(trainingCellStatus({ status: 'open', dueOn: '2026-04-30' }, '2026-05-01')).toBe('overdue');
  });

  it('accepts only the meaning "read and understood" for an acknowledgement', () => {
    const signature = { password: 'secret', meaning: 'read_and_understood' };
    expect(trainingAcknowledgementSchema.safeParse({ signature }).success).toBe(true);
    expect(
      trainingAcknowledgementSchema.safeParse({ signature: { ...signature, meaning: 'approval' } }).success,
    ).toBe(false);
  });

  it('refuses a kind setting with days out of range', () => {
    expect(trainingKindSettingInputSchema.safeParse({ roles: [], userIds: [], dueDays: 0 }).success).toBe(
      false,
    );
    expect(
      trainingKindSettingInputSchema.safeParse({ roles: ['viewer'], userIds: [], dueDays: 7 }).success,
    ).toBe(true);
  });
});
