import { fixtureDocuments } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { withQms } from '../testing/withQms';
import { TrainingMatrix } from './TrainingMatrix';

const sop = fixtureDocuments.effective;

const meta = {
  title: 'Training/TrainingMatrix',
  component: TrainingMatrix,
  decorators: [withQms],
} satisfies Meta<typeof TrainingMatrix>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Dana (QA approver) reads the matrix: one column per effective document, statuses in words. */
export const Default: Story = {
  parameters: {
    shows: [
      { role: 'heading', level: 2, name: 'Training matrix' },
      { role: 'region', name: 'People and current effective documents' },
      { role: 'columnheader', text: new RegExp(`^${sop.number} v1\\.0`) },
      { role: 'rowheader', name: 'Ines Kowalski' },
      { role: 'cell', text: /^Overdue, / },
      { role: 'cell', text: /^Trained, / },
      { role: 'cell', text: /^Due, / },
      { role: 'cell', text: 'Not required' },
      { text: '1 overdue' },
    ],
  },
};
/** A viewer's roles do not allow the matrix: the screen says so and asks nothing of the server. */
export const NotAllowed: Story = {
  parameters: {
    qms: { actor: 'vic' },
    shows: [{ text: 'Your roles do not allow reading the training matrix.' }, { role: 'table', count: 0 }],
  },
};
export const NoEffectiveDocuments: Story = {
  parameters: { qms: { server: { records: [] } }, shows: [{ text: 'No document is effective yet.' }] },
};
export const Loading: Story = {
  parameters: { qms: { server: { latencyMs: Number.POSITIVE_INFINITY } }, shows: [{ text: 'Loading…' }] },
};
export const ServerError: Story = {
  parameters: {
    qms: { server: { failWith: { status: 503 } } },
    shows: [{ role: 'alert', text: /Failure/ }],
  },
};
export const German: Story = {
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'heading', level: 2, name: 'Schulungsmatrix' },
      { role: 'cell', text: /^Überfällig, / },
      { role: 'cell', text: 'Nicht erforderlich' },
    ],
  },
};
export const Brand: Story = {
  parameters: { qms: { theme: 'brand' }, shows: [{ role: 'cell', text: /^Geschult|^Trained, / }] },
};
