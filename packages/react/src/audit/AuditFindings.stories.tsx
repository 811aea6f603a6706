import { fixtureAudits } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { withQms } from '../testing/withQms';
import { AuditFindings } from './AuditFindings';

const meta = {
  title: 'Audits/AuditFindings',
  component: AuditFindings,
  decorators: [withQms],
  args: { audit: fixtureAudits.in_progress, onOpenFinding: fn() },
  parameters: { qms: { actor: 'alex' } },
} satisfies Meta<typeof AuditFindings>;

export default meta;
type Story = StoryObj<typeof meta>;

export const InProgress: Story = {};
export const NoFindings: Story = { args: { audit: fixtureAudits.planned } };
export const Closed: Story = { args: { audit: fixtureAudits.closed } };
export const ReadOnlyViewer: Story = { parameters: { qms: { actor: 'vic' } } };
export const Loading: Story = {
  parameters: { qms: { actor: 'alex', server: { latencyMs: Number.POSITIVE_INFINITY } } },
};
export const German: Story = { parameters: { qms: { actor: 'alex', locale: 'de' } } };
