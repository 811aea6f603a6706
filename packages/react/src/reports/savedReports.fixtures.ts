import type { SavedReport } from '@masetra/core';
import { FIXTURE_NOW, fixtureUsers } from '@masetra/fixtures';

/** Saved reports of the fixture organization: one of Dana's, one shared with QA approvers. */
export const fixtureSavedReports: SavedReport[] = [
  {
    id: '00000000-0000-4000-8000-00000000a001',
    name: 'Major deviations of 2026 by month',
    recordType: 'deviation',
    filters: { severity: 'major', createdFrom: '2026-01-01T00:00:00.000Z' },
    groupBy: 'month',
    metric: 'count',
    cycleFrom: null,
    cycleTo: null,
    columns: ['number', 'title', 'state', 'severity', 'linkedCapaIds'],
    chart: 'line',
    sharedWithRoles: ['qa_approver'],
    createdBy: fixtureUsers.dana.id,
    createdAt: FIXTURE_NOW,
    updatedAt: FIXTURE_NOW,
    version: 1,
  },
  {
    id: '00000000-0000-4000-8000-00000000a002',
    name: 'CAPA cycle time',
    recordType: 'capa',
    filters: {},
    groupBy: null,
    metric: 'cycleTime',
    cycleFrom: null,
    cycleTo: null,
    columns: [],
    chart: 'table',
    sharedWithRoles: [],
    createdBy: fixtureUsers.dana.id,
    createdAt: FIXTURE_NOW,
    updatedAt: FIXTURE_NOW,
    version: 3,
  },
];
