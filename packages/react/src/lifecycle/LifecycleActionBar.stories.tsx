import { fixtureAudits, fixtureCapas, fixtureDeviations, fixtureDocuments } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
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

/** Another QA approver: approve (signed), reject (reason), request cancellation. */
export const Approver: Story = {};
/** The owner, who also holds the approver role: APPROVE is refused for segregation of duties. */
export const OwnerSegregationOfDuties: Story = { parameters: { qms: { actor: 'oliver' } } };
/** A viewer may take no step. */
export const Viewer: Story = { parameters: { qms: { actor: 'vic' } } };
/** Submitting the investigation waits for root cause, impact assessment and CAPAs. */
export const MissingFields: Story = {
  args: { record: fixtureDeviations.in_investigation },
  parameters: { qms: { actor: 'ines' } },
};
export const DraftMissingFields: Story = {
  args: { record: fixtureDeviations.draft },
  parameters: { qms: { actor: 'oliver' } },
};
export const FinalState: Story = { args: { record: fixtureDeviations.closed } };
export const CapaPlanApproval: Story = { args: { recordType: 'capa', record: fixtureCapas.plan_approval } };
export const CapaEffectivenessCheck: Story = {
  args: { recordType: 'capa', record: fixtureCapas.effectiveness_check },
  parameters: { qms: { actor: 'rita' } },
};
export const DocumentReview: Story = {
  args: { recordType: 'document', record: fixtureDocuments.in_review },
  parameters: { qms: { actor: 'rita' } },
};
/** Issuing the report waits for every finding to be closed. */
export const AuditReportWithOpenFindings: Story = {
  args: { recordType: 'audit', record: fixtureAudits.in_progress },
  parameters: { qms: { actor: 'alex' } },
};
export const German: Story = { parameters: { qms: { actor: 'oliver', locale: 'de' } } };
