import { fixtureAudits } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { Shown } from '../testing/storyShows';
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

const findings: Shown[] = [
  { text: '2 open of 3' },
  { role: 'button', name: 'FND-2026-0501' },
  { role: 'listitem', count: 3 },
];

export const InProgress: Story = {
  parameters: { shows: [...findings, { role: 'button', name: 'Record a finding' }] },
};
export const NoFindings: Story = {
  args: { audit: fixtureAudits.planned },
  parameters: { shows: [{ text: 'No findings recorded.' }, { role: 'button', name: 'Record a finding' }] },
};
/** A closed audit takes no more findings. */
export const Closed: Story = {
  args: { audit: fixtureAudits.closed },
  parameters: {
    shows: [{ text: 'No findings recorded.' }, { role: 'button', name: 'Record a finding', count: 0 }],
  },
};
export const ReadOnlyViewer: Story = {
  parameters: {
    qms: { actor: 'vic' },
    shows: [...findings, { role: 'button', name: 'Record a finding', count: 0 }],
  },
};
export const Loading: Story = {
  parameters: {
    qms: { actor: 'alex', server: { latencyMs: Number.POSITIVE_INFINITY } },
    shows: [{ text: 'Loading…' }, { role: 'listitem', count: 0 }],
  },
};
export const German: Story = {
  parameters: {
    qms: { actor: 'alex', locale: 'de' },
    shows: [
      { role: 'heading', name: 'Feststellungen' },
      { text: '2 offen von 3' },
      { role: 'button', name: 'Feststellung erfassen' },
    ],
  },
};
