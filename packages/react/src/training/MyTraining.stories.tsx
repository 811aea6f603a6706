import { fixtureDocuments } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { withQms } from '../testing/withQms';
import { MyTraining } from './MyTraining';

const sop = fixtureDocuments.effective;

const meta = {
  title: 'Training/MyTraining',
  component: MyTraining,
  decorators: [withQms],
  args: { onOpenDocument: fn() },
} satisfies Meta<typeof MyTraining>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Dana has the effective SOP to read; it is due. */
export const Due: Story = {
  parameters: {
    shows: [
      { role: 'heading', level: 2, name: 'My training' },
      { role: 'table', name: 'Training to do' },
      { role: 'button', name: sop.number },
      { role: 'cell', text: 'Due' },
      { role: 'button', name: `Acknowledge ${sop.number} v1.0` },
    ],
  },
};
/** Ines's training is past its due day: the row says "Overdue" in words. */
export const Overdue: Story = {
  parameters: {
    qms: { actor: 'ines' },
    shows: [{ text: '1 to do, 1 overdue' }, { role: 'cell', text: 'Overdue' }],
  },
};
/** Rita has acknowledged hers: nothing to do, her acknowledgement listed. */
export const AllDone: Story = {
  parameters: {
    qms: { actor: 'rita' },
    shows: [
      { text: 'No training to do.' },
      { role: 'heading', name: 'Acknowledged' },
      { role: 'listitem', text: new RegExp(`^${sop.number} v1\\.0 .*Trained`) },
    ],
  },
};
export const Empty: Story = {
  parameters: { qms: { actor: 'vic' }, shows: [{ text: 'No training to do.' }, { role: 'table', count: 0 }] },
};
export const Loading: Story = {
  parameters: { qms: { server: { latencyMs: Number.POSITIVE_INFINITY } }, shows: [{ text: 'Loading…' }] },
};
export const ServerError: Story = {
  parameters: {
    qms: { server: { failWith: { status: 503 } } },
    shows: [
      { role: 'alert', text: /Failure/ },
      { role: 'button', name: 'Try again' },
    ],
  },
};
export const German: Story = {
  parameters: {
    qms: { locale: 'de', actor: 'ines' },
    shows: [
      { role: 'heading', level: 2, name: 'Meine Schulungen' },
      { role: 'cell', text: 'Überfällig' },
      { role: 'button', name: `${sop.number} v1.0 bestätigen` },
    ],
  },
};
export const Dark: Story = {
  parameters: { qms: { theme: 'dark', actor: 'ines' }, shows: [{ role: 'cell', text: 'Overdue' }] },
};
