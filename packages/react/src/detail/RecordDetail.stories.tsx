import {
  fixtureAudits,
  fixtureCapas,
  fixtureDeviations,
  fixtureDocuments,
  fixtureFindings,
  longTextDeviation,
} from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { withQms } from '../testing/withQms';
import { RecordDetail } from './RecordDetail';

const meta = {
  title: 'Records/RecordDetail',
  component: RecordDetail,
  decorators: [withQms],
  args: {
    recordType: 'deviation',
    id: fixtureDeviations.in_approval.id,
    onEdit: fn(),
    onTransitioned: fn(),
    onOpenRecord: fn(),
    now: '2026-04-15T12:00:00.000Z',
  },
} satisfies Meta<typeof RecordDetail>;

export default meta;
type Story = StoryObj<typeof meta>;

const deviation = (state: keyof typeof fixtureDeviations): Story => ({
  args: { recordType: 'deviation', id: fixtureDeviations[state].id },
});
const capa = (state: keyof typeof fixtureCapas): Story => ({
  args: { recordType: 'capa', id: fixtureCapas[state].id },
  parameters: { qms: { actor: 'ines' } },
});
const controlledDocument = (state: keyof typeof fixtureDocuments): Story => ({
  args: { recordType: 'document', id: fixtureDocuments[state].id },
});
const audit = (state: keyof typeof fixtureAudits): Story => ({
  args: { recordType: 'audit', id: fixtureAudits[state].id },
  parameters: { qms: { actor: 'alex' } },
});
const finding = (state: keyof typeof fixtureFindings): Story => ({
  args: { recordType: 'finding', id: fixtureFindings[state].id },
  parameters: { qms: { actor: 'alex' } },
});

// Deviation, every state
export const DeviationDraft = deviation('draft');
export const DeviationInAssessment = deviation('in_assessment');
export const DeviationInApproval = deviation('in_approval');
export const DeviationInInvestigation = {
  ...deviation('in_investigation'),
  parameters: { qms: { actor: 'ines' } },
};
export const DeviationInFinalApproval = deviation('in_final_approval');
export const DeviationPendingCancellation = deviation('pending_cancellation');
export const DeviationClosed = deviation('closed');
export const DeviationCancelled = deviation('cancelled');

/** The owner holds the approver role but may not sign the approval of their own deviation. */
export const OwnerCannotApprove: Story = {
  ...deviation('in_approval'),
  parameters: { qms: { actor: 'oliver' } },
};

// CAPA, every state
export const CapaDraft = capa('draft');
export const CapaPlanApproval = { ...capa('plan_approval'), parameters: { qms: { actor: 'dana' } } };
export const CapaImplementation = capa('implementation');
export const CapaEffectivenessCheck = {
  ...capa('effectiveness_check'),
  parameters: { qms: { actor: 'rita' } },
};
export const CapaClosed = capa('closed');
export const CapaCancelled = capa('cancelled');

// Document, every state
export const DocumentDraft = controlledDocument('draft');
export const DocumentInReview = {
  ...controlledDocument('in_review'),
  parameters: { qms: { actor: 'rita' } },
};
export const DocumentInApproval = controlledDocument('in_approval');
export const DocumentApproved = controlledDocument('approved');
export const DocumentEffective = controlledDocument('effective');
export const DocumentSuperseded = controlledDocument('superseded');
export const DocumentObsolete = controlledDocument('obsolete');

// Audit, every state
export const AuditPlanned = audit('planned');
export const AuditInProgress = audit('in_progress');
export const AuditReporting = { ...audit('reporting'), parameters: { qms: { actor: 'dana' } } };
export const AuditClosed = audit('closed');
export const AuditCancelled = audit('cancelled');

// Finding, every state
export const FindingOpen = { ...finding('open'), parameters: { qms: { actor: 'ines' } } };
export const FindingResponseSubmitted = finding('response_submitted');
export const FindingClosed = finding('closed');

// States of the page itself
export const LongText: Story = {
  args: { id: longTextDeviation.id },
  parameters: { qms: { server: { records: [longTextDeviation] } } },
};
export const Loading: Story = { parameters: { qms: { server: { latencyMs: Number.POSITIVE_INFINITY } } } };
export const NotFound: Story = { args: { id: '01970000-0000-7000-8000-00000000beef' } };
export const ServerError: Story = { parameters: { qms: { server: { failWith: { status: 500 } } } } };
export const ReadOnlyViewer: Story = { parameters: { qms: { actor: 'vic' } } };
export const Dark: Story = { parameters: { qms: { theme: 'dark' } } };
export const Brand: Story = { parameters: { qms: { theme: 'brand' } } };
export const German: Story = { parameters: { qms: { locale: 'de', actor: 'oliver' } } };
