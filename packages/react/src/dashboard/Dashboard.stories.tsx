import { allFixtureRecords, FIXTURE_NOW, generateDeviations } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
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

export const AllRecordTypes: Story = {};
export const DeviationsAndCapas: Story = { args: { recordTypes: ['deviation', 'capa'] } };
export const ManyRecords: Story = {
  parameters: { qms: { server: { records: [...allFixtureRecords(), ...generateDeviations(2_500)] } } },
};
export const Empty: Story = { parameters: { qms: { server: { records: [] } } } };
export const Loading: Story = { parameters: { qms: { server: { latencyMs: Number.POSITIVE_INFINITY } } } };
export const ServerError: Story = { parameters: { qms: { server: { failWith: { status: 503 } } } } };
export const Dark: Story = { parameters: { qms: { theme: 'dark' } } };
export const Brand: Story = { parameters: { qms: { theme: 'brand' } } };
export const German: Story = { parameters: { qms: { locale: 'de' } } };
