import { FIXTURE_NOW } from '@masetra/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BarChart, LineChart } from '../charts';
import { type RecordedCall, recordRequests } from '../testing/recordRequests';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { reportHandlers } from '../testing/reportHandlers';
import { ReportBuilder } from './ReportBuilder';
import { fixtureSavedReports } from './savedReports.fixtures';

const reportCalls = (calls: RecordedCall[], collection: string) =>
  calls.filter((call) => call.method === 'GET' && call.url.pathname.endsWith(`/reports/${collection}`));
const lastQuery = (calls: RecordedCall[], collection: string) =>
  Object.fromEntries(reportCalls(calls, collection).at(-1)?.url.searchParams ?? []);

function setUp(savedReports = fixtureSavedReports) {
  const calls: RecordedCall[] = [];
  const rendered = renderWithQms(<ReportBuilder now={FIXTURE_NOW} charts={{ BarChart, LineChart }} />, {
    handlers: [recordRequests(calls), ...reportHandlers({ savedReports })],
  });
  return { calls, ...rendered };
}

describe('ReportBuilder', () => {
  it('builds the report query from the controls, by keyboard, and shows the result as chart and table', async () => {
    const user = userEvent.setup();
    const { calls } = setUp();
    await screen.findByRole('table', { name: 'Deviations: Number of records' });
    expect(lastQuery(calls, 'deviations')).toEqual({ metric: 'count', groupBy: 'state' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Record type' }), 'capa');
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'implementation');
    await user.type(screen.getByRole('searchbox', { name: 'Text' }), 'label');
    // A date picked as the last day included is sent as the start of the next (createdTo is exclusive).
    await user.type(screen.getByLabelText('Created from'), '2026-01-01');
    await user.type(screen.getByLabelText('Created until'), '2026-03-31');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'ownerId');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Metric' }), 'cycleTime');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Cycle from' }), 'implementation');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Cycle to' }), 'effectiveness_check');
    await waitFor(() =>
      expect(lastQuery(calls, 'capas')).toEqual({
        state: 'implementation',
        q: 'label',
        createdFrom: '2026-01-01T00:00:00.000Z',
        createdTo: '2026-04-01T00:00:00.000Z',
        groupBy: 'ownerId',
        metric: 'cycleTime',
        cycleFrom: 'implementation',
        cycleTo: 'effectiveness_check',
      }),
    );
    const table = await screen.findByRole('table', { name: 'CAPAs: Cycle time' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Group', 'Median (days)', '90th percentile (days)', 'Records']);
    // Owners by name, not id.
    expect(within(table).getByRole('rowheader', { name: 'Oliver Owens' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'CAPAs: Cycle time' })).toBeTruthy();
    // The overdue metric is offered only for types with a due date, and opened/closed groups by a time bucket.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Metric' }), 'openedClosed');
    expect((screen.getByRole('combobox', { name: 'Group by' }) as HTMLSelectElement).value).toBe('month');
  });

  it('saves a report with its name, chart and roles, then changes it based on its version', async () => {
    const user = userEvent.setup();
    const { calls } = setUp([]);
    await screen.findByText('No saved reports yet.');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'major');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Chart' }), 'line');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Major deviations');
    await user.click(screen.getByRole('checkbox', { name: 'QA approver' }));
    await user.click(screen.getByRole('button', { name: 'Save report' }));
    await screen.findByText('“Major deviations” is saved.');

    const create = calls.find(
      (call) => call.method === 'POST' && call.url.pathname.endsWith('/saved-reports'),
    );
    expect(create?.body).toEqual({
      name: 'Major deviations',
      recordType: 'deviation',
      filters: { severity: 'major' },
      groupBy: 'state',
      metric: 'count',
      cycleFrom: null,
      cycleTo: null,
      columns: ['number', 'title', 'state', 'ownerId', 'createdAt', 'severity', 'area'],
      chart: 'line',
      sharedWithRoles: ['qa_approver'],
    });
    expect(await screen.findByRole('button', { name: 'Open report Major deviations' })).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'month');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'PATCH')).toBe(true));
    const change = calls.find((call) => call.method === 'PATCH');
    expect(change?.url.pathname).toMatch(/\/saved-reports\/[0-9a-f-]{36}$/);
    expect((change?.body as { groupBy?: string } | undefined)?.groupBy).toBe('month');
    expect(change?.headers.get('if-match')).toBe('"1"');
  });

  it('opens and deletes saved reports', async () => {
    const user = userEvent.setup();
    const { calls, container } = setUp();
    await user.click(
      await screen.findByRole('button', { name: 'Open report Major deviations of 2026 by month' }),
    );
    await waitFor(() =>
      expect(lastQuery(calls, 'deviations')).toEqual({
        severity: 'major',
        createdFrom: '2026-01-01T00:00:00.000Z',
        metric: 'count',
        groupBy: 'month',
      }),
    );
    expect((screen.getByRole('combobox', { name: 'Chart' }) as HTMLSelectElement).value).toBe('line');
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe(
      'Major deviations of 2026 by month',
    );
    expect((screen.getByRole('checkbox', { name: 'QA approver' }) as HTMLInputElement).checked).toBe(true);
    expect(await seriousViolations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Delete report CAPA cycle time' }));
    await screen.findByText('“CAPA cycle time” is deleted.');
    const remove = calls.find((call) => call.method === 'DELETE');
    expect(remove?.url.pathname).toMatch(/\/saved-reports\/00000000-0000-4000-8000-00000000a002$/);
    expect(remove?.headers.get('if-match')).toBe('"3"');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Open report CAPA cycle time' })).toBeNull(),
    );
  });

  it('downloads the management review of a period and the matching records', async () => {
    const user = userEvent.setup();
    const { calls } = setUp();
    await screen.findByRole('table', { name: 'Deviations: Number of records' });
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2025-04-15');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('2026-04-15');
    await user.click(screen.getByRole('button', { name: 'Management review PDF' }));
    await waitFor(() =>
      expect(calls.some((call) => call.url.pathname.endsWith('/reports/management-review.pdf'))).toBe(true),
    );
    const review = calls.find((call) => call.url.pathname.endsWith('/reports/management-review.pdf'));
    // The last day is included whole: `to` is exclusive.
    expect(Object.fromEntries(review?.url.searchParams ?? [])).toEqual({
      from: '2025-04-15T00:00:00.000Z',
      to: '2026-04-16T00:00:00.000Z',
    });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'critical');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText('deviations.csv is downloaded.');
    const download = calls.find((call) => call.url.pathname.endsWith('/deviations/export.csv'));
    expect(Object.fromEntries(download?.url.searchParams ?? [])).toEqual({
      severity: 'critical',
      columns: 'number,title,state,ownerId,createdAt,severity,area',
    });
  });
});
