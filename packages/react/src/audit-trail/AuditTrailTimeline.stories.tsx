import { fixtureAuditTrail, fixtureDeviations } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { withQms } from '../testing/withQms';
import { AuditTrailTimeline } from './AuditTrailTimeline';
import { structuredEntries } from './structuredEntries';

const meta = {
  title: 'Compliance/AuditTrailTimeline',
  component: AuditTrailTimeline,
  decorators: [withQms],
  args: { recordType: 'deviation', id: fixtureDeviations.in_final_approval.id },
} satisfies Meta<typeof AuditTrailTimeline>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Verified: Story = {};
export const BrokenChain: Story = { parameters: { qms: { server: { brokenChainAt: 7 } } } };
export const GivenEntries: Story = {
  args: { recordType: undefined, id: undefined, entries: fixtureAuditTrail, verify: false },
};
/** Tasks, signatures, host links, an investigation and an attachment: labelled parts, what changed marked. */
export const StructuredChanges: Story = {
  args: { recordType: undefined, id: undefined, entries: structuredEntries, verify: false },
};
export const Empty: Story = { args: { id: fixtureDeviations.draft.id } };
export const Loading: Story = { parameters: { qms: { server: { latencyMs: Number.POSITIVE_INFINITY } } } };
export const ServerError: Story = { parameters: { qms: { server: { failWith: { status: 503 } } } } };
export const Dark: Story = { parameters: { qms: { theme: 'dark' } } };
export const German: Story = { parameters: { qms: { locale: 'de' } } };
