import { FIXTURE_NOW, fixtureDeviations } from '@masetra/fixtures';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { Dashboard } from './Dashboard';

describe('Dashboard', () => {
  it('shows open items by state and severity, overdue items and cycle times', async () => {
    const { server } = renderWithQms(<Dashboard recordTypes={['deviation', 'capa']} now={FIXTURE_NOW} />);
    const deviations = await screen.findByRole('region', { name: 'Deviations' });
    expect((await within(deviations).findByText(/^\d+ open$/)).textContent).toBe('6 open');
    const byState = within(deviations).getByRole('list', { name: 'Open by state' });
    expect(
      within(byState)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Draft 1',
      'In assessment 1',
      'In approval 1',
      'In investigation 1',
      'In final approval 1',
      'Cancellation pending 1',
    ]);
    const bySeverity = within(deviations).getByRole('list', { name: 'Open by severity' });
    expect(bySeverity.textContent).toContain('Critical 1');
    expect(within(deviations).getByText(/median/).textContent).toMatch(/1 closed/);
    // Overdue: the investigation due on 30 March, with its title and due date.
    const overdue = within(deviations).getByText('DEV-2026-0104').closest('li')!;
    expect(overdue.textContent).toContain(fixtureDeviations.in_investigation.title);
    expect(overdue.querySelector('time')?.dateTime).toBe(fixtureDeviations.in_investigation.dueAt);

    const capas = screen.getByRole('region', { name: 'CAPAs' });
    expect((await within(capas).findByText(/^\d+ open$/)).textContent).toBe('4 open');
    // Lists go through the client with the state filter of the open states.
    const request = server.requests.find((candidate) => candidate.path === '/capas')!;
    expect(request.url.searchParams.get('state')).toBe(
      'draft,plan_approval,implementation,effectiveness_check',
    );
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<Dashboard now={FIXTURE_NOW} />);
    await screen.findByText('6 open');
    expect(await seriousViolations(container)).toEqual([]);
  });
});
