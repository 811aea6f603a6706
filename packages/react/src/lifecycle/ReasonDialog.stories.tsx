import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { withQms } from '../testing/withQms';
import { ReasonDialog } from './ReasonDialog';

const meta = {
  title: 'Lifecycle/ReasonDialog',
  component: ReasonDialog,
  decorators: [withQms],
  args: { open: true, onOpenChange: fn(), eventLabel: 'Reject', onConfirm: fn(async () => {}) },
} satisfies Meta<typeof ReasonDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  parameters: {
    shows: [
      { role: 'dialog', name: 'Reject: give a reason' },
      { text: 'The reason is recorded in the audit trail with your name and the time.' },
      { role: 'textbox', name: /^Reason/ },
      { role: 'button', name: 'Confirm' },
    ],
  },
};
export const German: Story = {
  args: { eventLabel: 'Zurückweisen' },
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'dialog', name: 'Zurückweisen: Begründung angeben' },
      { role: 'textbox', name: /^Begründung/ },
      { role: 'button', name: 'Bestätigen' },
    ],
  },
};
