import { FIXTURE_NOW } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { HttpResponse, http } from 'msw';
import { BarChart, LineChart, PieChart } from '../charts';
import { fixtureKpis, reportHandlers } from '../testing/reportHandlers';
import type { Shown } from '../testing/storyShows';
import { withQms } from '../testing/withQms';
import { Dashboard } from './Dashboard';

const meta = {
  title: 'Overview/Dashboard',
  component: Dashboard,
  decorators: [withQms],
  args: { now: FIXTURE_NOW },
  parameters: { msw: { handlers: reportHandlers() } },
} satisfies Meta<typeof Dashboard>;

export default meta;
type Story = StoryObj<typeof meta>;

const charts = { BarChart, LineChart, PieChart };
const typeCards = ['Deviations', 'CAPAs', 'Documents', 'Audits', 'Findings'];
const overview: Shown[] = [
  { role: 'heading', level: 2, name: 'Quality overview' },
  ...typeCards.map((name): Shown => ({ role: 'region', name })),
  { role: 'region', name: 'Deviations', text: /^Deviations19 open/ },
  { role: 'list', name: 'Open by severity', text: /Critical 1/ },
  { role: 'region', name: 'Key figures', text: /CAPAs closed on time79% \(19 of 24\)/ },
  { role: 'region', name: 'Training', text: /Your overdue training: 0/ },
];
const trends: Shown[] = [
  { role: 'figure', name: 'Deviations: Opened and closed per month' },
  { role: 'figure', name: 'CAPAs: Opened and closed per month' },
  {
    role: 'table',
    name: 'Deviations: Opened and closed per month',
    text: /^Deviations: Opened and closed per monthMonthOpenedClosedMay 2025/,
  },
];

export const AllRecordTypes: Story = {
  parameters: {
    shows: [
      ...overview,
      // Without the charts entry, the trend is a table.
      { role: 'table', name: 'Deviations: Opened and closed per month' },
      { role: 'figure', count: 0 },
    ],
  },
};
export const WithTrendCharts: Story = { args: { charts }, parameters: { shows: [...overview, ...trends] } };
export const DeviationsAndCapas: Story = {
  args: { recordTypes: ['deviation', 'capa'], charts },
  parameters: {
    shows: [
      { role: 'region', name: 'Deviations', text: /^Deviations19 open/ },
      { role: 'region', name: 'CAPAs', text: /^CAPAs12 open/ },
      { role: 'region', name: 'Documents', count: 0 },
    ],
  },
};
export const Empty: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/reports/kpis', () =>
          HttpResponse.json({
            ...fixtureKpis,
            openByState: [],
            openBySeverity: [],
            findingsBySeverity: [],
            openedClosedByMonth: [],
            capaOnTime: { closed: 0, onTime: 0, rate: null },
            capaEffectiveness: { checks: 0, effective: 0, rate: null },
          }),
        ),
        ...reportHandlers(),
      ],
    },
    shows: [
      { text: '0 open', count: typeCards.length },
      { text: 'Not measured yet', count: 2 },
    ],
  },
};
export const Loading: Story = {
  parameters: {
    msw: { handlers: [http.get('*/reports/kpis', () => new Promise<Response>(() => {}))] },
    shows: [{ text: 'Loading…' }],
  },
};
export const ServerError: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/reports/kpis', () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'Failure' },
            { status: 503, headers: { 'content-type': 'application/problem+json' } },
          ),
        ),
      ],
    },
    shows: [{ role: 'alert', text: 'Failure' }],
  },
};
export const Dark: Story = {
  args: { charts },
  parameters: { qms: { theme: 'dark' }, shows: [...overview, ...trends] },
};
export const Brand: Story = {
  args: { charts },
  parameters: { qms: { theme: 'brand' }, shows: [...overview, ...trends] },
};
export const German: Story = {
  args: { charts },
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'heading', level: 2, name: 'Qualitätsübersicht' },
      { role: 'region', name: 'Abweichungen', text: /^Abweichungen19 offen/ },
      { role: 'list', name: 'Offen nach Schweregrad', text: /Kritisch 1/ },
      { role: 'figure', name: 'Abweichungen: Eröffnet und abgeschlossen je Monat' },
    ],
  },
};
