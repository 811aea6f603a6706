import { FIXTURE_NOW } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { HttpResponse, http } from 'msw';
import { BarChart, LineChart, PieChart } from '../charts';
import { reportHandlers } from '../testing/reportHandlers';
import type { Shown } from '../testing/storyShows';
import { withQms } from '../testing/withQms';
import { ReportBuilder } from './ReportBuilder';
import { fixtureSavedReports } from './savedReports.fixtures';

const charts = { BarChart, LineChart, PieChart };

const meta = {
  title: 'Overview/ReportBuilder',
  component: ReportBuilder,
  decorators: [withQms],
  args: { now: FIXTURE_NOW, charts },
  parameters: { msw: { handlers: reportHandlers({ savedReports: fixtureSavedReports }) } },
} satisfies Meta<typeof ReportBuilder>;

export default meta;
type Story = StoryObj<typeof meta>;

const screen: Shown[] = [
  { role: 'heading', level: 2, name: 'Reports' },
  { role: 'combobox', name: 'Record type' },
  { role: 'combobox', name: 'Group by' },
  { role: 'combobox', name: 'Metric' },
  { role: 'combobox', name: 'Chart' },
  { role: 'searchbox', name: 'Text' },
  { role: 'figure', name: 'Deviations: Number of records' },
  { role: 'table', name: 'Deviations: Number of records' },
  { role: 'rowheader', name: 'In investigation' },
  { role: 'button', name: 'Open report Major deviations of 2026 by month' },
  { role: 'button', name: 'Delete report CAPA cycle time' },
  { role: 'textbox', name: 'Name' },
  { role: 'checkbox', name: 'QA approver' },
  { role: 'group', name: 'Export' },
  { role: 'button', name: 'Export Excel' },
  { role: 'button', name: 'Management review PDF' },
];

export const CountByState: Story = { parameters: { shows: screen } };
export const TableOnly: Story = {
  args: { charts: undefined },
  parameters: {
    shows: [
      { role: 'table', name: 'Deviations: Number of records' },
      { role: 'figure', count: 0 },
    ],
  },
};
export const OpenedClosedPerMonth: Story = {
  args: { initialReport: { recordType: 'capa', groupBy: 'month', metric: 'openedClosed', chart: 'line' } },
  parameters: {
    shows: [
      { role: 'figure', name: 'CAPAs: Opened and closed' },
      { role: 'columnheader', name: 'Opened' },
      { role: 'rowheader', name: 'Apr 2026' },
    ],
  },
};
export const CycleTime: Story = {
  args: { initialReport: { recordType: 'deviation', groupBy: 'severity', metric: 'cycleTime' } },
  parameters: {
    shows: [
      { role: 'combobox', name: 'Cycle from' },
      { role: 'combobox', name: 'Cycle to' },
      { role: 'columnheader', name: '90th percentile (days)' },
      { role: 'rowheader', name: 'Critical' },
    ],
  },
};
export const SeverityPie: Story = {
  args: { initialReport: { recordType: 'deviation', groupBy: 'severity', chart: 'pie' } },
  parameters: {
    shows: [
      { role: 'figure', name: 'Deviations: Number of records' },
      { role: 'rowheader', name: 'Major' },
    ],
  },
};
export const NoSavedReports: Story = {
  parameters: {
    msw: { handlers: reportHandlers() },
    shows: [{ text: 'No saved reports yet.' }],
  },
};
export const ReportError: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/reports/deviations', () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'Reports are paused.' },
            { status: 503, headers: { 'content-type': 'application/problem+json' } },
          ),
        ),
        ...reportHandlers(),
      ],
    },
    shows: [{ role: 'alert', text: /The report could not be run\.Reports are paused\./ }],
  },
};
export const Dark: Story = { parameters: { qms: { theme: 'dark' }, shows: screen } };
export const Brand: Story = { parameters: { qms: { theme: 'brand' }, shows: screen } };
export const German: Story = {
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'heading', level: 2, name: 'Berichte' },
      { role: 'combobox', name: 'Datensatztyp' },
      { role: 'figure', name: 'Abweichungen: Anzahl Datensätze' },
      { role: 'rowheader', name: 'In Untersuchung' },
      { role: 'button', name: 'Als Excel exportieren' },
      { role: 'button', name: 'Managementbewertung als PDF' },
    ],
  },
};
