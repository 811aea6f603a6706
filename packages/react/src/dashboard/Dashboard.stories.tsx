import { allFixtureRecords, FIXTURE_NOW, generateDeviations } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { Shown } from '../testing/storyShows';
import { withQms } from '../testing/withQms';
import { Dashboard } from './Dashboard';

const meta = {
  title: 'Overview/Dashboard',
  component: Dashboard,
  decorators: [withQms],
  args: { now: FIXTURE_NOW, onOpenRecord: fn() },
} satisfies Meta<typeof Dashboard>;

export default meta;
type Story = StoryObj<typeof meta>;

const typeCards = ['Deviations', 'CAPAs', 'Documents', 'Audits', 'Findings'];
const overview: Shown[] = [
  { role: 'heading', level: 2, name: 'Quality overview' },
  ...typeCards.map((name): Shown => ({ role: 'region', name })),
  { role: 'region', name: 'Deviations', text: /^Deviations6 open/ },
  { role: 'list', name: 'Open by severity', text: /Critical 1/ },
  { role: 'button', name: 'DEV-2026-0104' },
  { role: 'region', name: 'Training', text: /Your overdue training: 0/ },
];

export const AllRecordTypes: Story = { parameters: { shows: overview } };
export const DeviationsAndCapas: Story = {
  args: { recordTypes: ['deviation', 'capa'] },
  parameters: {
    shows: [
      { role: 'region', name: 'Deviations', text: /^Deviations6 open/ },
      { role: 'region', name: 'CAPAs', text: /^CAPAs4 open/ },
      { role: 'region', name: 'Documents', count: 0 },
    ],
  },
};
export const ManyRecords: Story = {
  parameters: {
    qms: { server: { records: [...allFixtureRecords(), ...generateDeviations(2_500)] } },
    shows: [{ role: 'region', name: 'Deviations', text: /^Deviations1,000 open/ }],
  },
};
export const Empty: Story = {
  parameters: {
    qms: { server: { records: [] } },
    shows: [
      { text: '0 open', count: typeCards.length },
      { text: 'Nothing overdue.', count: typeCards.length },
      { text: 'None closed yet.', count: typeCards.length },
    ],
  },
};
export const Loading: Story = {
  parameters: {
    qms: { server: { latencyMs: Number.POSITIVE_INFINITY } },
    // Each record type's card and the training card.
    shows: [{ text: 'Loading…', count: typeCards.length + 1 }],
  },
};
export const ServerError: Story = {
  parameters: {
    qms: { server: { failWith: { status: 503 } } },
    shows: [{ role: 'alert', text: 'Failure', count: typeCards.length + 1 }],
  },
};
export const Dark: Story = { parameters: { qms: { theme: 'dark' }, shows: overview } };
export const Brand: Story = { parameters: { qms: { theme: 'brand' }, shows: overview } };
export const German: Story = {
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'heading', level: 2, name: 'Qualitätsübersicht' },
      { role: 'region', name: 'Abweichungen', text: /^Abweichungen6 offen/ },
      { role: 'list', name: 'Offen nach Schweregrad', text: /Kritisch 1/ },
    ],
  },
};
