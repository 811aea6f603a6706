import { generateDeviations, longTextDeviation } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
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

export const Deviations: Story = {};
export const Capas: Story = { args: { recordType: 'capa' } };
export const Documents: Story = { args: { recordType: 'document' } };
export const Audits: Story = { args: { recordType: 'audit' } };
export const Findings: Story = { args: { recordType: 'finding' } };

/** Only what awaits approval, sorted by due date. */
export const FixedFilter: Story = {
  args: { filters: { state: 'in_approval,in_final_approval' }, defaultSort: 'dueAt' },
};

export const ChosenColumns: Story = {
  args: { columns: ['number', 'title', 'severity', 'occurredAt', 'ownerId'], columnChooser: false },
};

/** 10,000 deviations, paged by the server 200 at a time as the list scrolls. */
export const TenThousandRows: Story = {
  args: { pageSize: 200, height: 600 },
  parameters: { qms: { server: { records: generateDeviations(10_000) } } },
};

export const LongText: Story = {
  parameters: { qms: { server: { records: [longTextDeviation, ...generateDeviations(3)] } } },
};

export const Empty: Story = { parameters: { qms: { server: { records: [] } } } };

export const Loading: Story = { parameters: { qms: { server: { latencyMs: Number.POSITIVE_INFINITY } } } };

export const ServerError: Story = {
  parameters: {
    qms: { server: { failWith: { status: 503, detail: 'Maintenance window until 22:00 UTC.' } } },
  },
};

export const Dark: Story = { parameters: { qms: { theme: 'dark' } } };
export const Brand: Story = { parameters: { qms: { theme: 'brand' } } };
export const German: Story = { parameters: { qms: { locale: 'de' } } };
export const Unstyled: Story = { parameters: { qms: { unstyled: true } } };
