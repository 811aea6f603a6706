import { fixtureAudits, fixtureDeviations, fixtureDocuments, longTextDeviation } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
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

export const CreateDeviation: Story = {};
export const CreateCapa: Story = { args: { recordType: 'capa' }, parameters: { qms: { actor: 'ines' } } };
export const CreateDocument: Story = {
  args: { recordType: 'document' },
  parameters: { qms: { actor: 'dora' } },
};
export const CreateAudit: Story = { args: { recordType: 'audit' }, parameters: { qms: { actor: 'alex' } } };
export const CreateFinding: Story = {
  args: { recordType: 'finding', defaults: { auditId: fixtureAudits.in_progress.id } },
  parameters: { qms: { actor: 'alex' } },
};
export const EditDraft: Story = { args: { record: fixtureDeviations.draft } };
/** Past draft, a change needs a reason for the audit trail. */
export const EditPastDraft: Story = { args: { record: fixtureDeviations.in_assessment } };
/** The document is under review: the server refuses a changed title, beside the field. */
export const EditRefusedByServer: Story = {
  args: { recordType: 'document', record: fixtureDocuments.in_review },
  parameters: { qms: { actor: 'dora' } },
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
  },
};
export const LongText: Story = { args: { record: longTextDeviation } };
export const Dark: Story = { parameters: { qms: { actor: 'oliver', theme: 'dark' } } };
export const German: Story = { parameters: { qms: { actor: 'oliver', locale: 'de' } } };
