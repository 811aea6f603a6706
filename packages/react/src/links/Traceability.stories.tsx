import {
  fixtureCapas,
  fixtureDeviations,
  fixtureDocuments,
  fixtureUsers,
  hostRegistry,
} from '@masetra/fixtures';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { de } from '../i18n/de';
import { QmsFixtureProvider } from '../testing/QmsFixtureProvider';
import { withQms } from '../testing/withQms';
import { Traceability } from './Traceability';

const meta = {
  title: 'Records/Traceability',
  component: Traceability,
  decorators: [withQms],
  args: { recordType: 'deviation', id: fixtureDeviations.in_final_approval.id, onOpenRecord: fn() },
} satisfies Meta<typeof Traceability>;

export default meta;
type Story = StoryObj<typeof meta>;

const capa = fixtureCapas.implementation;
const document = fixtureDocuments.approved;
const closed = fixtureDeviations.closed;

/**
 * A host that declared its kinds of object (an MES batch, a LIMS sample): the batch the deviation
 * concerns is a link into the MES, labelled as the host declared it.
 */
const withHostObjects: Decorator = (Story, context) => {
  const locale = (context.globals.locale as 'en' | 'de' | undefined) ?? 'en';
  return (
    <QmsFixtureProvider
      key={`${context.id}:${locale}`}
      actor="dana"
      serverOptions={{ registry: hostRegistry, actorId: fixtureUsers.dana.id }}
      registry={hostRegistry}
      locale={locale === 'de' ? 'de-DE' : 'en'}
      messages={locale === 'de' ? de : undefined}
    >
      <Story />
    </QmsFixtureProvider>
  );
};

/** A deviation's chain: its CAPA, the SOP the CAPA changes, the deviation it recurs, and its batch. */
export const DeviationChain: Story = {
  parameters: {
    shows: [
      { role: 'heading', name: 'Traceability' },
      { role: 'button', name: `${capa.number} ${capa.title}` },
      { text: 'Addressed by' },
      { text: 'Changes' },
      { role: 'button', name: new RegExp(`^${document.number} `) },
      { text: 'Recurrence of' },
      { role: 'button', name: `${closed.number} ${closed.title}` },
      { text: 'Batch 24-117' },
    ],
  },
};

/** The same chain on a host that declared its kinds of object: the batch opens in the MES. */
export const HostObjectAsLink: Story = {
  decorators: [withHostObjects],
  parameters: {
    shows: [
      { role: 'link', name: 'Batch 24-117' },
      { role: 'button', name: `${capa.number} ${capa.title}` },
    ],
  },
};

/** From the changed document back: the CAPA that changed it, and the deviations the CAPA addresses. */
export const FromTheDocument: Story = {
  args: { recordType: 'document', id: document.id },
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'heading', name: 'Rückverfolgbarkeit' },
      { text: 'Geändert durch' },
      { text: 'Behebt', count: 2 },
    ],
  },
};

/** Nothing linked yet. */
/** A version in force ends a chain with its training: how many are trained, and how many are late. */
export const TrainingOnTheDocument: Story = {
  args: { recordType: 'document', id: fixtureDocuments.effective.id },
  parameters: {
    shows: [
      { role: 'heading', name: 'Traceability' },
      { text: 'Training: 2 of 5 trained' },
      { text: '1 overdue' },
    ],
  },
};

export const Unlinked: Story = {
  args: { id: fixtureDeviations.draft.id },
  parameters: { shows: [{ text: 'Nothing is linked to this record yet.' }] },
};
