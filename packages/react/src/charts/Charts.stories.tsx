import type { Meta, StoryObj } from '@storybook/react-vite';
import { fixtureKpis } from '../testing/reportHandlers';
import type { Shown } from '../testing/storyShows';
import { withQms } from '../testing/withQms';
import { BarChart } from './BarChart';
import type { ChartProps } from './chartData';
import { LineChart } from './LineChart';
import { PieChart } from './PieChart';

const severity: ChartProps = {
  title: 'Open deviations by severity',
  categoryLabel: 'Severity',
  series: [{ key: 'count', label: 'Open' }],
  points: [
    { key: 'minor', label: 'Minor', values: { count: 10 } },
    { key: 'major', label: 'Major', values: { count: 6 } },
    { key: 'critical', label: 'Critical', values: { count: 1 } },
  ],
  description: 'Most open deviations are minor.',
};

const months = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const trend: ChartProps = {
  title: 'Deviations opened and closed per month',
  categoryLabel: 'Month',
  series: [
    { key: 'opened', label: 'Opened' },
    { key: 'closed', label: 'Closed' },
  ],
  points: fixtureKpis.openedClosedByMonth
    .filter((entry) => entry.recordType === 'deviation')
    .map((entry) => ({
      key: entry.month,
      label: months.format(new Date(`${entry.month}T00:00:00Z`)),
      values: { opened: entry.opened, closed: entry.closed },
    })),
};

/** The charts of `@masetra/react/charts`: drawn in the theme's colours, read to screen readers as tables. */
const meta = {
  title: 'Charts/Charts',
  component: BarChart,
  decorators: [withQms],
  args: severity,
} satisfies Meta<typeof BarChart>;

export default meta;
type Story = StoryObj<typeof meta>;

const bars: Shown[] = [
  { role: 'figure', name: 'Open deviations by severity', description: 'Most open deviations are minor.' },
  {
    role: 'table',
    name: 'Open deviations by severity',
    text: /^Open deviations by severitySeverityOpenMinor10Major6Critical1$/,
  },
];
const lines: Shown[] = [
  { role: 'figure', name: 'Deviations opened and closed per month' },
  { role: 'columnheader', name: 'Opened' },
  { role: 'rowheader', name: 'May 2025' },
  { role: 'rowheader', name: 'Apr 2026' },
];

export const Bars: Story = { parameters: { shows: bars } };
export const Trend: Story = {
  args: trend,
  render: (args) => <LineChart {...args} />,
  parameters: { shows: lines },
};
export const Pie: Story = {
  render: (args) => <PieChart {...args} />,
  parameters: { shows: [...bars, { role: 'figure', name: 'Open deviations by severity' }] },
};
export const TableShown: Story = {
  args: { showTable: true },
  parameters: { shows: bars },
};
export const BarsDark: Story = { parameters: { qms: { theme: 'dark' }, shows: bars } };
export const BarsBrand: Story = { parameters: { qms: { theme: 'brand' }, shows: bars } };
export const TrendDark: Story = {
  args: trend,
  render: (args) => <LineChart {...args} />,
  parameters: { qms: { theme: 'dark' }, shows: lines },
};
export const TrendBrand: Story = {
  args: trend,
  render: (args) => <LineChart {...args} />,
  parameters: { qms: { theme: 'brand' }, shows: lines },
};
export const PieDark: Story = {
  render: (args) => <PieChart {...args} />,
  parameters: { qms: { theme: 'dark' }, shows: bars },
};
export const PieBrand: Story = {
  render: (args) => <PieChart {...args} />,
  parameters: { qms: { theme: 'brand' }, shows: bars },
};
export const Unstyled: Story = {
  args: { unstyled: true },
  parameters: { qms: { unstyled: true }, shows: bars },
};
