import { fixtureAudits, fixtureCapas, fixtureDeviations, fixtureDocuments } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { Shown } from '../testing/storyShows';
import { withQms } from '../testing/withQms';
import { LifecycleActionBar } from './LifecycleActionBar';

const meta = {
  title: 'Lifecycle/LifecycleActionBar',
  component: LifecycleActionBar,
  decorators: [withQms],
  args: { recordType: 'deviation', record: fixtureDeviations.in_approval, onTransitioned: fn() },
} satisfies Meta<typeof LifecycleActionBar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A move this user may take now, with its hint (signed, asks for a reason). */
const move = (name: string, description?: string): Shown => ({
  role: 'button',
  name,
  disabled: false,
  ...(description !== undefined && { description }),
});
/** A move shown but refused, with the reason read out with it. */
const refused = (name: string, description: string | RegExp): Shown => ({
  role: 'button',
  name,
  disabled: true,
  description,
});

/** Another QA approver: approve (signed), reject (reason), request cancellation. */
export const Approver: Story = {
  parameters: {
    shows: [
      move('Approve', 'Signed: Approval'),
      move('Reject', 'Asks for a reason'),
      move('Request cancellation', 'Asks for a reason'),
    ],
  },
};
/** The owner, who also holds the approver role: APPROVE is refused for segregation of duties. */
export const OwnerSegregationOfDuties: Story = {
  parameters: {
    qms: { actor: 'oliver' },
    shows: [
      refused('Approve', /DEV-2026-0103.*\(Approval\).*segregation of duties/),
      move('Reject', 'Asks for a reason'),
    ],
  },
};
/** A viewer may take no step. */
export const Viewer: Story = {
  parameters: {
    qms: { actor: 'vic' },
    shows: [{ text: 'Nothing for you to do in this state.' }, { role: 'button', count: 0 }],
  },
};
/** Submitting the investigation waits for root cause, impact assessment and CAPAs. */
export const MissingFields: Story = {
  args: { record: fixtureDeviations.in_investigation },
  parameters: {
    qms: { actor: 'ines' },
    shows: [refused('Submit investigation', 'Missing: Root cause, Impact assessment, and CAPA required.')],
  },
};
export const DraftMissingFields: Story = {
  args: { record: fixtureDeviations.draft },
  parameters: {
    qms: { actor: 'oliver' },
    shows: [refused('Submit', 'Missing: Description, Occurred at, and Severity.')],
  },
};
export const FinalState: Story = {
  args: { record: fixtureDeviations.closed },
  parameters: {
    shows: [{ text: 'The lifecycle of this record has ended (Closed).' }, { role: 'button', count: 0 }],
  },
};
export const CapaPlanApproval: Story = {
  args: { recordType: 'capa', record: fixtureCapas.plan_approval },
  parameters: { shows: [move('Approve plan', 'Signed: Approval'), move('Reject plan', 'Asks for a reason')] },
};
export const CapaEffectivenessCheck: Story = {
  args: { recordType: 'capa', record: fixtureCapas.effectiveness_check },
  parameters: {
    qms: { actor: 'rita' },
    shows: [
      refused('Confirm effective', 'Missing: Effectiveness result and Effectiveness evidence.'),
      refused('Report not effective', 'Record the effectiveness result as not effective first.'),
    ],
  },
};
export const DocumentReview: Story = {
  args: { recordType: 'document', record: fixtureDocuments.in_review },
  parameters: {
    qms: { actor: 'rita' },
    shows: [move('Complete review', 'Signed: Review'), move('Request changes', 'Asks for a reason')],
  },
};
/** Issuing the report waits for every finding to be closed. */
export const AuditReportWithOpenFindings: Story = {
  args: { recordType: 'audit', record: fixtureAudits.in_progress },
  parameters: {
    qms: { actor: 'alex' },
    // What the in-progress audit offers: completing the fieldwork; the report is issued later.
    shows: [move('Complete fieldwork'), { role: 'button', name: 'Issue report', count: 0 }],
  },
};
export const German: Story = {
  parameters: {
    qms: { actor: 'oliver', locale: 'de' },
    shows: [
      refused('Freigeben', /DEV-2026-0103.*\(Freigabe\).*Funktionstrennung/),
      move('Zurückweisen', 'Verlangt eine Begründung'),
    ],
  },
};
