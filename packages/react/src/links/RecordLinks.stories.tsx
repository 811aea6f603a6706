import { fixtureCapas, fixtureDeviations } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { withQms } from '../testing/withQms';
import { RecordLinks } from './RecordLinks';

const meta = {
  title: 'Records/RecordLinks',
  component: RecordLinks,
  decorators: [withQms],
  args: { recordType: 'deviation', id: fixtureDeviations.in_final_approval.id, onOpenRecord: fn() },
} satisfies Meta<typeof RecordLinks>;

export default meta;
type Story = StoryObj<typeof meta>;

const capa = fixtureCapas.implementation;
const capaName = `${capa.number} ${capa.title}`;

/**
 * A deviation addressed by a CAPA, recurring a closed one and concerning a batch; Oliver
 * (originator) may change it. The recurrence check offers the one earlier deviation of the same
 * area not linked yet.
 */
export const Deviation: Story = {
  parameters: {
    qms: { actor: 'oliver' },
    shows: [
      { role: 'heading', name: 'Links' },
      { role: 'listitem', count: 4 },
      { role: 'heading', name: 'Earlier records like this one' },
      {
        role: 'button',
        name: `Link: Recurrence of, ${fixtureDeviations.cancelled.number} ${fixtureDeviations.cancelled.title}`,
      },
      { text: 'Addressed by' },
      { role: 'button', name: capaName },
      { text: 'Batch 24-117' },
      { role: 'button', name: `Remove link to ${capaName}` },
      { role: 'combobox', name: 'Record' },
      { role: 'combobox', name: 'Kind of link' },
      { role: 'button', name: 'Link', disabled: true },
    ],
  },
};

/**
 * The CAPA's end: the deviations it addresses, each opening the deviation, and the SOP it
 * changes. The closed deviation keeps the link it was closed with: it has no Remove button.
 */
export const Capa: Story = {
  args: { recordType: 'capa', id: capa.id },
  parameters: {
    qms: { actor: 'ines' },
    shows: [
      { text: 'Addresses' },
      {
        role: 'button',
        name: `${fixtureDeviations.in_final_approval.number} ${fixtureDeviations.in_final_approval.title}`,
      },
      { role: 'button', name: `${fixtureDeviations.closed.number} ${fixtureDeviations.closed.title}` },
      { text: 'Changes' },
      { role: 'button', name: /^Remove link to /, count: 2 },
      {
        role: 'button',
        name: `Remove link to ${fixtureDeviations.in_final_approval.number} ${fixtureDeviations.in_final_approval.title}`,
      },
    ],
  },
};

/** A viewer reads the links but has no picker and no remove buttons. */
export const ReadOnly: Story = {
  parameters: {
    qms: { actor: 'vic' },
    shows: [
      { role: 'button', name: capaName },
      { role: 'combobox', count: 0 },
      { role: 'button', name: /^Remove link/, count: 0 },
    ],
  },
};

/** A new deviation: no links yet; the recurrence check offers the earlier deviations of its area. */
export const NoLinks: Story = {
  args: { id: fixtureDeviations.draft.id },
  parameters: {
    qms: { actor: 'oliver' },
    shows: [
      { text: 'No links yet.' },
      { role: 'heading', name: 'Earlier records like this one' },
      { role: 'button', name: /^Link: Recurrence of, /, count: 5 },
    ],
  },
};

export const German: Story = {
  parameters: {
    qms: { actor: 'oliver', locale: 'de' },
    shows: [
      { role: 'heading', name: 'Verknüpfungen' },
      { text: 'Behoben durch' },
      { role: 'combobox', name: 'Datensatz' },
    ],
  },
};

export const Loading: Story = {
  parameters: { qms: { server: { latencyMs: Number.POSITIVE_INFINITY } }, shows: [{ text: 'Loading…' }] },
};
