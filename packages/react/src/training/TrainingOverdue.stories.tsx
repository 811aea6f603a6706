import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { withQms } from '../testing/withQms';
import { TrainingOverdue } from './TrainingOverdue';

const meta = {
  title: 'Training/TrainingOverdue',
  component: TrainingOverdue,
  decorators: [withQms],
  args: { onOpenTraining: fn() },
} satisfies Meta<typeof TrainingOverdue>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Dana has none overdue herself; as a QA approver she also sees the organization's. */
export const QualityApprover: Story = {
  parameters: {
    shows: [
      { role: 'heading', name: 'Training' },
      { text: 'Your overdue training: 0' },
      { text: 'Overdue training in the organization: 1' },
      { role: 'button', name: 'Open my training' },
    ],
  },
};
/** Ines sees only her own. */
export const Investigator: Story = {
  parameters: {
    qms: { actor: 'ines' },
    shows: [{ text: 'Your overdue training: 1' }, { text: /in the organization/, count: 0 }],
  },
};
export const German: Story = {
  parameters: {
    qms: { locale: 'de', actor: 'ines' },
    shows: [{ role: 'heading', name: 'Schulungen' }, { text: 'Ihre überfälligen Schulungen: 1' }],
  },
};
