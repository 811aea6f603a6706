import { FIXTURE_NOW, fixtureCapas } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
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

/** The plan is approved: due dates locked, one task overdue, an extension request pending. */
export const Implementation: Story = {};
export const DraftPlan: Story = { args: { capa: fixtureCapas.draft } };
export const PlanApproval: Story = { args: { capa: fixtureCapas.plan_approval } };
export const EffectivenessCheck: Story = { args: { capa: fixtureCapas.effectiveness_check } };
export const Closed: Story = { args: { capa: fixtureCapas.closed } };
export const ReadOnlyViewer: Story = { parameters: { qms: { actor: 'vic' } } };
export const German: Story = { parameters: { qms: { actor: 'ines', locale: 'de' } } };
