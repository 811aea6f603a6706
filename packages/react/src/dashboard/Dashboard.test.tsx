import { FIXTURE_NOW } from '@masetra/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart, LineChart } from '../charts';
import { type RecordedCall, recordRequests } from '../testing/recordRequests';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { reportHandlers } from '../testing/reportHandlers';
import { Dashboard } from './Dashboard';

describe('Dashboard', () => {
  it('shows the KPIs the server computed, not counts of listed records', async () => {
    const calls: RecordedCall[] = [];
    renderWithQms(<Dashboard recordTypes={['deviation', 'capa']} now={FIXTURE_NOW} />, {
      handlers: [recordRequests(calls), ...reportHandlers()],
    });
    const deviations = await screen.findByRole('region', { name: 'Deviations' });
    expect(within(deviations).getByText(/^\d+ open$/).textContent).toBe('19 open');
    const byState = within(deviations).getByRole('list', { name: 'Open by state' });
    expect(
      within(byState)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Draft 3', 'In assessment 5', 'In investigation 9', 'In final approval 2']);
    expect(within(deviations).getByRole('list', { name: 'Open by severity' }).textContent).toBe(
      'Minor 10Major 6Critical 1Not graded 2',
    );
    // Overdue and cycle time from the type's reports.
    await within(deviations).findByText(/overdue$/);
    expect(within(deviations).getByText(/^median/).textContent).toMatch(
      /^median \d+ days, 90th percentile \d+ days \(\d+ closed\)$/,
    );
    // Without the charts entry, the trend is a table of months.
    const trend = within(deviations).getByRole('table', { name: 'Deviations: Opened and closed per month' });
    expect(within(trend).getAllByRole('row')).toHaveLength(13);
    expect(within(trend).getByRole('rowheader', { name: 'Apr 2026' })).toBeTruthy();

    const figures = screen.getByRole('region', { name: 'Key figures' });
    expect(figures.textContent).toContain('CAPAs closed on time79% (19 of 24)');
    expect(figures.textContent).toContain('Documents due for periodic review6 within 30 days, 1 overdue');

    // One KPI request for the twelve months to now; no record lists.
    const kpis = calls.filter((call) => call.url.pathname.endsWith('/reports/kpis'));
    expect(kpis.map((call) => Object.fromEntries(call.url.searchParams))).toEqual([
      { from: '2025-05-01T00:00:00.000Z', to: FIXTURE_NOW },
    ]);
    expect(calls.some((call) => call.url.pathname === '/api/v1/deviations')).toBe(false);
    await waitFor(() =>
      expect(
        calls
          .filter((call) => call.url.pathname.endsWith('/reports/deviations'))
          .map((call) => call.url.searchParams.get('metric'))
          .sort(),
      ).toEqual(['cycleTime', 'overdue']),
    );
  });

  it('draws the trends with the charts it is given', async () => {
    renderWithQms(<Dashboard recordTypes={['capa']} now={FIXTURE_NOW} charts={{ BarChart, LineChart }} />, {
      handlers: reportHandlers(),
    });
    const figure = await screen.findByRole('figure', { name: 'CAPAs: Opened and closed per month' });
    expect(figure.querySelector('svg path')).not.toBeNull();
    expect(within(figure).getByRole('table').querySelectorAll('tbody tr')).toHaveLength(12);
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<Dashboard now={FIXTURE_NOW} charts={{ BarChart, LineChart }} />, {
      handlers: reportHandlers(),
    });
    await screen.findByText('19 open');
    await waitFor(() => expect(screen.queryAllByText('Loading…')).toEqual([]));
    expect(await seriousViolations(container)).toEqual([]);
  });
});
