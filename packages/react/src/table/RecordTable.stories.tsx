import { generateDeviations, longTextDeviation } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { Shown } from '../testing/storyShows';
import { withQms } from '../testing/withQms';
import { RecordTable } from './RecordTable';

const meta = {
  title: 'Records/RecordTable',
  component: RecordTable,
  decorators: [withQms],
  args: { recordType: 'deviation', onOpenRecord: fn() },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof RecordTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A list of every fixture record of a type: its table, how many it shows, and a row per record. */
const listed = (table: string, count: number, ...columns: string[]): Shown[] => [
  { role: 'table', name: table },
  { role: 'status', text: `${count} shown` },
  { role: 'row', count: count + 1 },
  ...columns.map((name): Shown => ({ role: 'columnheader', name: new RegExp(`^${name}`) })),
];
const deviations = listed('Deviations', 8, 'Number', 'Title', 'State', 'Severity');

export const Deviations: Story = { parameters: { shows: deviations } };
export const Capas: Story = {
  args: { recordType: 'capa' },
  parameters: { shows: listed('CAPAs', 6, 'Kind') },
};
export const Documents: Story = {
  args: { recordType: 'document' },
  parameters: { shows: listed('Documents', 7, 'Document kind', 'Version') },
};
export const Audits: Story = {
  args: { recordType: 'audit' },
  parameters: { shows: listed('Audits', 5, 'Audit kind', 'Lead auditor') },
};
export const Findings: Story = {
  args: { recordType: 'finding' },
  parameters: { shows: listed('Findings', 3, 'Classification') },
};

/** Only what awaits approval, sorted by due date. */
export const FixedFilter: Story = {
  args: { filters: { state: 'in_approval,in_final_approval' }, defaultSort: 'dueAt' },
  parameters: {
    shows: [
      { role: 'status', text: '2 shown' },
      { role: 'row', text: /^DEV-2026-0103.*In approval/ },
      { role: 'row', text: /^DEV-2026-0105.*In final approval/ },
      // The fixed filter is the host's: no state filter to change it.
      { role: 'combobox', name: 'State', count: 0 },
    ],
  },
};

export const ChosenColumns: Story = {
  args: { columns: ['number', 'title', 'severity', 'occurredAt', 'ownerId'], columnChooser: false },
  parameters: {
    shows: [
      { role: 'columnheader', count: 5 },
      { role: 'columnheader', name: /^Occurred at/ },
      { role: 'columnheader', name: /^Owner/ },
      { role: 'button', name: 'Columns', count: 0 },
    ],
  },
};

/** 10,000 deviations, paged by the server 200 at a time as the list scrolls. */
export const TenThousandRows: Story = {
  args: { pageSize: 200, height: 600 },
  parameters: {
    qms: { server: { records: generateDeviations(10_000) } },
    shows: [
      { role: 'status', text: '200 shown, more available' },
      { role: 'button', name: 'Load more' },
    ],
  },
};

export const LongText: Story = {
  parameters: {
    qms: { server: { records: [longTextDeviation, ...generateDeviations(3)] } },
    shows: [
      { role: 'status', text: '4 shown' },
      { role: 'cell', text: longTextDeviation.title },
    ],
  },
};

export const Empty: Story = {
  parameters: {
    qms: { server: { records: [] } },
    shows: [{ text: 'No records match.' }, { role: 'status', text: '0 shown' }, { role: 'row', count: 1 }],
  },
};

export const Loading: Story = {
  parameters: {
    qms: { server: { latencyMs: Number.POSITIVE_INFINITY } },
    shows: [
      { role: 'status', text: 'Loading…' },
      { role: 'row', count: 1 },
    ],
  },
};

export const ServerError: Story = {
  parameters: {
    qms: { server: { failWith: { status: 503, detail: 'Maintenance window until 22:00 UTC.' } } },
    shows: [
      { role: 'alert', text: /^The list could not be loaded\. ?Maintenance window until 22:00 UTC\./ },
      { role: 'button', name: 'Try again' },
    ],
  },
};

export const Dark: Story = { parameters: { qms: { theme: 'dark' }, shows: deviations } };
export const Brand: Story = { parameters: { qms: { theme: 'brand' }, shows: deviations } };
export const German: Story = {
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'table', name: 'Abweichungen' },
      { role: 'status', text: '8 angezeigt' },
      { role: 'columnheader', name: /^Schweregrad/ },
      { role: 'button', name: 'Spalten' },
    ],
  },
};
export const Unstyled: Story = { parameters: { qms: { unstyled: true }, shows: deviations } };
