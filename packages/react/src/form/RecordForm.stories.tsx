import { fixtureAudits, fixtureDeviations, fixtureDocuments, longTextDeviation } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { Shown } from '../testing/storyShows';
import { withQms } from '../testing/withQms';
import { RecordForm } from './RecordForm';

const meta = {
  title: 'Records/RecordForm',
  component: RecordForm,
  decorators: [withQms],
  args: { recordType: 'deviation', onSaved: fn(), onCancel: fn() },
  parameters: { qms: { actor: 'oliver' } },
} satisfies Meta<typeof RecordForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An empty form of a record type: its heading, its required title and its create button. */
const creating = (heading: string, ...fields: (string | RegExp)[]): Shown[] => [
  { role: 'heading', name: heading },
  { role: 'textbox', name: /^Title ?\(required\)$/ },
  ...fields.map((name): Shown => ({ role: 'combobox', name })),
  { role: 'button', name: 'Create' },
];

export const CreateDeviation: Story = { parameters: { shows: creating('New Deviation', 'Severity') } };
export const CreateCapa: Story = {
  args: { recordType: 'capa' },
  parameters: { qms: { actor: 'ines' }, shows: creating('New CAPA', 'Kind', 'Effectiveness result') },
};
export const CreateDocument: Story = {
  args: { recordType: 'document' },
  parameters: { qms: { actor: 'dora' }, shows: creating('New Document', /^Document kind ?\(required\)$/) },
};
export const CreateAudit: Story = {
  args: { recordType: 'audit' },
  parameters: { qms: { actor: 'alex' }, shows: creating('New Audit', 'Audit kind') },
};
export const CreateFinding: Story = {
  args: { recordType: 'finding', defaults: { auditId: fixtureAudits.in_progress.id } },
  parameters: { qms: { actor: 'alex' }, shows: creating('New Finding', 'Classification') },
};
export const EditDraft: Story = {
  args: { record: fixtureDeviations.draft },
  parameters: {
    shows: [
      { role: 'heading', name: 'Edit DEV-2026-0101' },
      { role: 'button', name: 'Save changes' },
      // A draft changes without a reason.
      { role: 'textbox', name: /^Reason/, count: 0 },
    ],
  },
};
/** Past draft, a change needs a reason for the audit trail. */
export const EditPastDraft: Story = {
  args: { record: fixtureDeviations.in_assessment },
  parameters: {
    shows: [
      { role: 'heading', name: 'Edit DEV-2026-0102' },
      { role: 'textbox', name: /^Reason/ },
      { role: 'button', name: 'Save changes' },
    ],
  },
};
/** The document is under review: the server refuses a changed title, beside the field. */
export const EditRefusedByServer: Story = {
  args: { recordType: 'document', record: fixtureDocuments.in_review },
  parameters: {
    qms: { actor: 'dora' },
    shows: [
      { role: 'heading', name: 'Edit SOP-0015' },
      { role: 'textbox', name: /^Reason/ },
    ],
  },
};
export const ServerFieldErrors: Story = {
  args: { record: fixtureDeviations.in_assessment },
  parameters: {
    qms: {
      actor: 'oliver',
      server: {
        failWith: {
          status: 422,
          detail: 'The changed record would be invalid.',
          errors: [{ pointer: '/changes/area', detail: 'Not a known location.' }],
          match: (request: Request) => request.method === 'PATCH',
        },
      },
    },
    shows: [
      { role: 'heading', name: 'Edit DEV-2026-0102' },
      { role: 'textbox', name: 'Area' },
    ],
  },
};
export const LongText: Story = {
  args: { record: longTextDeviation },
  parameters: {
    shows: [
      { role: 'heading', name: 'Edit DEV-2026-0109' },
      { role: 'textbox', name: 'Title' },
    ],
  },
};
export const Dark: Story = {
  parameters: { qms: { actor: 'oliver', theme: 'dark' }, shows: creating('New Deviation', 'Severity') },
};
export const German: Story = {
  parameters: {
    qms: { actor: 'oliver', locale: 'de' },
    shows: [
      { role: 'heading', name: 'Neu: Abweichung' },
      { role: 'textbox', name: /^Titel ?\(Pflichtfeld\)$/ },
      { role: 'combobox', name: 'Schweregrad' },
      { role: 'button', name: 'Anlegen' },
    ],
  },
};
