import {
  type FixtureUserName,
  fixtureAudits,
  fixtureCapas,
  fixtureDeviations,
  fixtureDocuments,
  fixtureFindings,
  longTextDeviation,
} from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { Shown } from '../testing/storyShows';
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

/** A record's page as a fixture user sees it, with what it must show below its heading. */
const recordPage = (
  recordType: string,
  record: { id: string; number: string; title: string },
  shows: Shown[],
  actor?: FixtureUserName,
): Story => ({
  args: { recordType, id: record.id },
  parameters: {
    ...(actor && { qms: { actor } }),
    shows: [{ role: 'heading', level: 2, name: `${record.number} ${record.title}` }, ...shows],
  },
});
const deviation = (state: keyof typeof fixtureDeviations, shows: Shown[], actor?: FixtureUserName) =>
  recordPage('deviation', fixtureDeviations[state], shows, actor);
const capa = (state: keyof typeof fixtureCapas, shows: Shown[], actor: FixtureUserName = 'ines') =>
  recordPage('capa', fixtureCapas[state], shows, actor);
const controlledDocument = (state: keyof typeof fixtureDocuments, shows: Shown[], actor?: FixtureUserName) =>
  recordPage('document', fixtureDocuments[state], shows, actor);
const audit = (state: keyof typeof fixtureAudits, shows: Shown[], actor: FixtureUserName = 'alex') =>
  recordPage('audit', fixtureAudits[state], shows, actor);
const finding = (state: keyof typeof fixtureFindings, shows: Shown[], actor: FixtureUserName = 'alex') =>
  recordPage('finding', fixtureFindings[state], shows, actor);

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
/** A final state: no moves, and the page says the lifecycle has ended. */
const ended = (state: string): Shown[] => [
  { text: `The lifecycle of this record has ended (${state}).` },
  { role: 'list', name: 'Lifecycle actions', count: 0 },
];
const signedApproval = 'Signed: Approval';
const asksReason = 'Asks for a reason';
const auditOfFindings = `${fixtureAudits.in_progress.number} ${fixtureAudits.in_progress.title}`;

// Deviation, every state
export const DeviationDraft = deviation('draft', [
  refused('Submit', 'Missing: Description, Occurred at, and Severity.'),
  move('Request cancellation', asksReason),
]);
export const DeviationInAssessment = deviation('in_assessment', [
  refused('Submit assessment', 'Missing: Immediate actions.'),
]);
export const DeviationInApproval = deviation('in_approval', [
  move('Approve', signedApproval),
  move('Reject', asksReason),
]);
export const DeviationInInvestigation = deviation(
  'in_investigation',
  [
    refused('Submit investigation', 'Missing: Root cause, Impact assessment, and CAPA required.'),
    // The investigator edits the investigation on the page.
    { role: 'region', name: 'Investigation' },
    { role: 'button', name: 'Add a why' },
    { role: 'button', name: 'Add a cause: Machine' },
  ],
  'ines',
);
export const DeviationInFinalApproval = deviation('in_final_approval', [
  move('Approve closure', signedApproval),
  move('Reject closure', asksReason),
  { role: 'region', name: '5 Whys' },
  { role: 'region', name: 'Fishbone (Ishikawa)' },
  { role: 'button', name: 'Download: logger-cr2-2026-03-02.pdf' },
]);
export const DeviationPendingCancellation = deviation('pending_cancellation', [
  move('Approve cancellation', signedApproval),
  move('Reject cancellation'),
]);
export const DeviationClosed = deviation('closed', [
  ...ended('Closed'),
  { role: 'region', name: 'Investigation' },
]);
export const DeviationCancelled = deviation('cancelled', ended('Cancelled'));

/** The owner holds the approver role but may not sign the approval of their own deviation. */
export const OwnerCannotApprove: Story = deviation(
  'in_approval',
  [refused('Approve', /DEV-2026-0103.*\(Approval\).*segregation of duties/), move('Reject', asksReason)],
  'oliver',
);

// CAPA, every state
export const CapaDraft = capa('draft', [
  refused('Submit plan', /^Missing: .*Tasks/),
  { role: 'region', name: 'Tasks' },
  { role: 'button', name: 'Add a task' },
]);
export const CapaPlanApproval = capa(
  'plan_approval',
  [move('Approve plan', signedApproval), move('Reject plan', asksReason)],
  'dana',
);
export const CapaImplementation = capa('implementation', [
  refused('Complete implementation', /^Missing: Tasks/),
  { text: '1 of 3 done' },
]);
export const CapaEffectivenessCheck = capa(
  'effectiveness_check',
  [
    refused('Confirm effective', 'Missing: Effectiveness result and Effectiveness evidence.'),
    refused('Report not effective', 'Record the effectiveness result as not effective first.'),
  ],
  'rita',
);
export const CapaClosed = capa('closed', [...ended('Closed'), { text: '3 of 3 done' }]);
export const CapaCancelled = capa('cancelled', ended('Cancelled'));

// Document, every state
export const DocumentDraft = controlledDocument('draft', [
  { text: 'Nothing for you to do in this state.' },
  { role: 'definition', text: '1.1 Draft' },
]);
export const DocumentInReview = controlledDocument(
  'in_review',
  [move('Complete review', 'Signed: Review'), move('Request changes', asksReason)],
  'rita',
);
export const DocumentInApproval = controlledDocument('in_approval', [
  move('Approve', signedApproval),
  move('Request changes', asksReason),
]);
export const DocumentApproved = controlledDocument('approved', [
  move('Retire', `${signedApproval} · ${asksReason}`),
  // Becoming effective is the scheduler's move, never offered to a person.
  { role: 'button', name: /effective/i, count: 0 },
  { role: 'definition', text: '1.0 Approved' },
]);
export const DocumentEffective = controlledDocument('effective', [
  move('Retire', `${signedApproval} · ${asksReason}`),
  { role: 'definition', text: '1.0 Effective' },
]);
export const DocumentSuperseded = controlledDocument('superseded', ended('Superseded'));
export const DocumentObsolete = controlledDocument('obsolete', ended('Obsolete'));

// Audit, every state
export const AuditPlanned = audit('planned', [
  move('Start'),
  move('Cancel record', asksReason),
  { text: 'No findings recorded.' },
]);
export const AuditInProgress = audit('in_progress', [
  move('Complete fieldwork'),
  { text: '2 open of 3' },
  { role: 'button', name: 'Record a finding' },
]);
export const AuditReporting = audit(
  'reporting',
  [refused('Issue report', 'Missing: Summary and Report.')],
  'dana',
);
export const AuditClosed = audit('closed', ended('Closed'));
export const AuditCancelled = audit('cancelled', ended('Cancelled'));

// Finding, every state
export const FindingOpen = finding(
  'open',
  [refused('Submit response', 'Missing: Response.'), { role: 'button', name: auditOfFindings }],
  'ines',
);
export const FindingResponseSubmitted = finding('response_submitted', [
  refused('Verify', /FND-2026-0502.*\(Verification\).*segregation of duties/),
  move('Reject response', asksReason),
]);
export const FindingClosed = finding('closed', [
  ...ended('Closed'),
  { role: 'button', name: auditOfFindings },
]);

// States of the page itself
const inApproval = DeviationInApproval.parameters?.shows as Shown[];
export const LongText: Story = {
  args: { id: longTextDeviation.id },
  parameters: {
    qms: { server: { records: [longTextDeviation] } },
    shows: [{ role: 'heading', level: 2, name: `${longTextDeviation.number} ${longTextDeviation.title}` }],
  },
};
export const Loading: Story = {
  parameters: {
    qms: { server: { latencyMs: Number.POSITIVE_INFINITY } },
    shows: [{ text: 'Loading…' }, { role: 'heading', count: 0 }],
  },
};
export const NotFound: Story = {
  args: { id: '01970000-0000-7000-8000-00000000beef' },
  parameters: {
    shows: [
      { role: 'alert', text: 'This record does not exist, or you may not see it.' },
      // Trying again would find nothing either.
      { role: 'button', count: 0 },
    ],
  },
};
export const ServerError: Story = {
  parameters: {
    qms: { server: { failWith: { status: 500 } } },
    shows: [{ role: 'alert', text: /^Failure/ }, move('Try again')],
  },
};
export const ReadOnlyViewer: Story = {
  parameters: {
    qms: { actor: 'vic' },
    shows: [
      { role: 'heading', level: 2, name: /^DEV-2026-0103 / },
      { text: 'Nothing for you to do in this state.' },
      // Reads everything, changes nothing: no move, no edit, no comment, no upload; only the PDF to read.
      { role: 'button', count: 1 },
      { role: 'button', name: 'Download PDF' },
      { role: 'textbox', count: 0 },
    ],
  },
};
export const Dark: Story = { parameters: { qms: { theme: 'dark' }, shows: inApproval } };
export const Brand: Story = { parameters: { qms: { theme: 'brand' }, shows: inApproval } };
export const German: Story = {
  parameters: {
    qms: { locale: 'de', actor: 'oliver' },
    shows: [
      { role: 'heading', level: 2, name: /^DEV-2026-0103 / },
      refused('Freigeben', /DEV-2026-0103.*\(Freigabe\).*Funktionstrennung/),
      move('Zurückweisen', 'Verlangt eine Begründung'),
      { role: 'region', name: 'Angaben' },
    ],
  },
};
