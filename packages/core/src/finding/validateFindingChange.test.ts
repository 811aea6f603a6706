import { describe, expect, it } from 'vitest';
import type { Finding } from './index';
import { validateFindingChange } from './validateFindingChange';

const before: Finding = {
  id: '01960000-0000-7000-8000-0000000000f1',
  orgId: 'org-acme',
  type: 'finding',
  number: 'FND-2026-0001',
  state: 'open',
  version: 1,
  ownerId: 'user-warehouse-lead',
  createdBy: 'user-lead-auditor',
  createdAt: '2026-03-10T15:00:00.000Z',
  updatedAt: '2026-03-10T15:00:00.000Z',
  auditId: 'audit-1',
  title: 'Temperature mapping overdue',
};

describe('validateFindingChange', () => {
  it('keeps a finding with the audit that raised it', () => {
    expect(validateFindingChange(before, { auditId: 'audit-2' })).toEqual([
      { pointer: '/auditId', detail: expect.any(String) },
    ]);
  });

  it('accepts other changes', () => {
    expect(validateFindingChange(before, { auditId: 'audit-1', response: 'Mapping booked.' })).toEqual([]);
  });
});
