import { fixtureAuditTrail, fixtureDeviations } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Shown } from '../testing/storyShows';
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

const entries = fixtureAuditTrail.length;
const verified: Shown[] = [
  { role: 'heading', name: 'Audit trail' },
  { role: 'status', text: `✓ Chain verified: ${entries} entries intact` },
  { role: 'listitem', count: entries },
  { role: 'listitem', text: /^Oliver Owens · Mar 8, 2026, 9:00 AM · Created · Entry 1/ },
];

export const Verified: Story = { parameters: { shows: verified } };
export const BrokenChain: Story = {
  parameters: {
    qms: { server: { brokenChainAt: 7 } },
    shows: [
      { role: 'alert', text: '⚠ Chain broken at entry 7' },
      { role: 'listitem', count: entries },
    ],
  },
};
export const GivenEntries: Story = {
  args: { recordType: undefined, id: undefined, entries: fixtureAuditTrail, verify: false },
  parameters: {
    shows: [
      { role: 'listitem', count: entries },
      // Entries of any record: each names its record.
      { role: 'listitem', text: /^Oliver Owens · Mar 8, 2026, 9:00 AM · Created · DEV-2026-0105 · Entry 1/ },
      // Not verified: no word on the chain.
      { role: 'status', count: 0 },
    ],
  },
};
/** Tasks, signatures, host links, an investigation and an attachment: labelled parts, what changed marked. */
export const StructuredChanges: Story = {
  args: { recordType: undefined, id: undefined, entries: structuredEntries, verify: false },
  parameters: {
    shows: [
      { role: 'rowheader', name: 'Tasks' },
      { role: 'rowheader', name: 'Signature', count: 2 },
      { role: 'rowheader', name: 'Investigation' },
      { role: 'rowheader', name: 'Attachments' },
      { role: 'listitem', text: /^Dana Reyes · Mar 10, 2026, 2:03 PM · Signed · Entry 2/ },
      // Never JSON.
      { text: /[{[]"|":/, count: 0 },
    ],
  },
};
export const Empty: Story = {
  args: { id: fixtureDeviations.draft.id },
  parameters: { shows: [{ text: 'No entries yet.' }, { role: 'listitem', count: 0 }] },
};
export const Loading: Story = {
  parameters: {
    qms: { server: { latencyMs: Number.POSITIVE_INFINITY } },
    shows: [{ text: 'Loading…' }, { role: 'status', text: 'Verifying the chain…' }],
  },
};
export const ServerError: Story = {
  parameters: {
    qms: { server: { failWith: { status: 503 } } },
    shows: [
      { role: 'alert', text: 'Failure' },
      { role: 'status', text: 'The chain could not be verified. Failure' },
      { role: 'listitem', count: 0 },
    ],
  },
};
export const Dark: Story = { parameters: { qms: { theme: 'dark' }, shows: verified } };
export const German: Story = {
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'heading', name: 'Audit-Trail' },
      { role: 'status', text: `✓ Kette geprüft: ${entries} Einträge unverändert` },
      { role: 'listitem', text: /^Oliver Owens · 08\.03\.2026, 09:00 · Angelegt · Eintrag 1/ },
    ],
  },
};
