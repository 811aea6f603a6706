import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../testing/renderWithQms';
import { BarChart } from './BarChart';
import type { ChartProps } from './chartData';
import { LineChart } from './LineChart';
import { PieChart } from './PieChart';

const trend: ChartProps = {
  title: 'Deviations opened and closed per month',
  categoryLabel: 'Month',
  series: [
    { key: 'opened', label: 'Opened' },
    { key: 'closed', label: 'Closed' },
  ],
  points: [
    { key: '2026-02-01', label: 'Feb 2026', values: { opened: 1200, closed: 7 } },
    { key: '2026-03-01', label: 'Mar 2026', values: { opened: 9, closed: 11 } },
  ],
  formatValue: (value) => new Intl.NumberFormat('de-DE').format(value),
  description: 'More opened than closed in February.',
};

describe.each([
  ['BarChart', BarChart],
  ['LineChart', LineChart],
  ['PieChart', PieChart],
] as const)('%s', (_name, Chart) => {
  it('is a figure named by its title, whose numbers screen readers read as a table', async () => {
    const { container } = render(<Chart {...trend} />);
    const figure = screen.getByRole('figure', { name: trend.title });
    expect(figure.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByRole('figure', { description: 'More opened than closed in February.' })).toBe(figure);
    // The drawing is hidden from assistive technology: the table says what it shows.
    expect(figure.querySelector('svg')?.closest('[aria-hidden="true"]')).not.toBeNull();
    const table = within(figure).getByRole('table', { name: trend.title });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(within(table).getByRole('rowheader', { name: 'Mar 2026' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Closed' })).toBeTruthy();
    // Every value through formatValue; a pie draws the first series but the table has them all.
    expect(rows).toEqual([
      ['Month', 'Opened', 'Closed'],
      ['Feb 2026', '1.200', '7'],
      ['Mar 2026', '9', '11'],
    ]);
    // Visually hidden unless asked, and hidden by an inline style so it holds unstyled too.
    expect(table.style.position).toBe('absolute');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('shows the table when asked, and draws in the theme’s series colours', () => {
    const { container } = render(<Chart {...trend} showTable />);
    expect(screen.getByRole('table').style.position).toBe('');
    const coloured = [...container.querySelectorAll<SVGElement>('[style]')].map(
      (element) => element.style.cssText,
    );
    expect(coloured.some((style) => style.includes('var(--masetra-chart-1'))).toBe(true);
  });

  it('renders no masetra class when unstyled', () => {
    const { container } = render(<Chart {...trend} unstyled />);
    expect(container.querySelector('[class*="masetra-"]')).toBeNull();
  });
});
