import { FIXTURE_NOW, fixtureCapas } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Shown } from '../testing/storyShows';
import { withQms } from '../testing/withQms';
import { CapaTasks } from './CapaTasks';

const meta = {
  title: 'CAPA/CapaTasks',
  component: CapaTasks,
  decorators: [withQms],
  args: { capa: fixtureCapas.implementation, now: FIXTURE_NOW },
  parameters: { qms: { actor: 'ines' } },
} satisfies Meta<typeof CapaTasks>;

export default meta;
type Story = StoryObj<typeof meta>;

const lockedPlan: Shown[] = [
  { role: 'table' },
  { role: 'row', count: 4 },
  { text: /^Due dates are locked since the plan was approved/ },
];

/** The plan is approved: due dates locked, one task overdue, an extension request pending. */
export const Implementation: Story = {
  parameters: {
    shows: [
      { text: '1 of 3 done' },
      ...lockedPlan,
      { role: 'row', text: /^Restore the 6-month maintenance interval in the CMMS.* Overdue/ },
      { role: 'region', name: 'Extension requests', text: /Pending/ },
    ],
  },
};
/** The plan is still a draft: tasks are edited in place. */
export const DraftPlan: Story = {
  args: { capa: fixtureCapas.draft },
  parameters: {
    shows: [
      { text: '0 of 1 done' },
      { role: 'button', name: 'Add a task' },
      { role: 'button', name: 'Remove task: Draft the plan' },
    ],
  },
};
export const PlanApproval: Story = {
  args: { capa: fixtureCapas.plan_approval },
  parameters: { shows: [{ text: '0 of 3 done' }, { role: 'button', name: 'Add a task' }] },
};
export const EffectivenessCheck: Story = {
  args: { capa: fixtureCapas.effectiveness_check },
  parameters: { shows: [{ text: '3 of 3 done' }, ...lockedPlan, { role: 'region', name: 'Effectiveness' }] },
};
/** Closed: nothing to change, nothing locked to explain. */
export const Closed: Story = {
  args: { capa: fixtureCapas.closed },
  parameters: {
    shows: [
      { text: '3 of 3 done' },
      { role: 'checkbox', disabled: true, count: 3 },
      { text: /^Due dates are locked/, count: 0 },
    ],
  },
};
export const ReadOnlyViewer: Story = {
  parameters: {
    qms: { actor: 'vic' },
    shows: [
      { text: '1 of 3 done' },
      { role: 'checkbox', disabled: true, count: 3 },
      { role: 'button', count: 0 },
    ],
  },
};
export const German: Story = {
  parameters: {
    qms: { actor: 'ines', locale: 'de' },
    shows: [
      { role: 'heading', name: 'Aufgaben' },
      { text: '1 von 3 erledigt' },
      { text: /^Seit der Freigabe des Plans sind Fälligkeiten gesperrt/ },
    ],
  },
};
