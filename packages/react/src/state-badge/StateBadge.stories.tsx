import { recordTypes } from '@masetra/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Shown } from '../testing/storyShows';
import { withQms } from '../testing/withQms';
import { StateBadge } from './StateBadge';

const meta = {
  title: 'Lifecycle/StateBadge',
  component: StateBadge,
  decorators: [withQms],
  args: { recordType: 'deviation', state: 'in_approval' },
} satisfies Meta<typeof StateBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Single: Story = { parameters: { shows: [{ text: 'In approval' }] } };

const everyState: Shown[] = [
  // The types' states by their labels; a label several types share, once for each.
  { text: 'Draft', count: 3 },
  { text: 'Closed', count: 4 },
  { text: 'Cancelled', count: 3 },
  { text: 'Cancellation pending' },
  { text: 'Effectiveness check' },
  { text: 'Superseded' },
  { text: 'Response submitted' },
];

/** Every state of every built-in record type. */
export const EveryState: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      {Object.values(recordTypes).map((type) => (
        <p key={type.name} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', margin: 0 }}>
          <strong>{type.name}</strong>
          {type.states.map((state) => (
            <StateBadge key={state} recordType={type} state={state} />
          ))}
        </p>
      ))}
    </div>
  ),
  parameters: { shows: everyState },
};
export const Dark: Story = { ...EveryState, parameters: { qms: { theme: 'dark' }, shows: everyState } };
export const German: Story = {
  ...EveryState,
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { text: 'Entwurf', count: 3 },
      { text: 'Abgeschlossen', count: 4 },
      { text: 'Gültig' },
      { text: 'Außer Kraft' },
      { text: 'Stellungnahme eingereicht' },
    ],
  },
};
