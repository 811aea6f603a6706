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

export const Default: Story = {};
export const German: Story = { args: { eventLabel: 'Zurückweisen' }, parameters: { qms: { locale: 'de' } } };
