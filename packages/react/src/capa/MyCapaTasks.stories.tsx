import { FIXTURE_NOW } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { withQms } from '../testing/withQms';
import { MyCapaTasks } from './MyCapaTasks';

const meta = {
  title: 'CAPA/MyCapaTasks',
  component: MyCapaTasks,
  decorators: [withQms],
  args: { onOpenCapa: fn() },
} satisfies Meta<typeof MyCapaTasks>;

export default meta;
type Story = StoryObj<typeof meta>;

const server = { now: () => new Date(FIXTURE_NOW) };

/** Ines owns three open tasks of two CAPAs, all past due at the fixtures' now. */
export const Owner: Story = {
  parameters: {
    qms: { actor: 'ines', server },
    shows: [
      { role: 'heading', name: 'My CAPA tasks' },
      { role: 'listitem', count: 3 },
      { text: 'Overdue', count: 3 },
      { text: 'Replace the compressor relays of cold rooms 1–3' },
    ],
  },
};

/** Rita's one task, on two CAPAs, not yet due; in German. */
export const German: Story = {
  parameters: {
    qms: { actor: 'rita', server, locale: 'de' },
    shows: [
      { role: 'heading', name: 'Meine CAPA-Aufgaben' },
      { role: 'listitem', count: 2 },
      { text: 'Train the night shift on alarm escalation', count: 2 },
    ],
  },
};

/** Someone with nothing to do. */
export const NoTasks: Story = {
  parameters: { qms: { actor: 'oliver', server }, shows: [{ text: 'You have no open CAPA tasks.' }] },
};
