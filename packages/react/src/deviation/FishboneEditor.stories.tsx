import { fixtureDeviations } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import type { Shown } from '../testing/storyShows';
import { withQms } from '../testing/withQms';
import { FishboneEditor, type FishboneEditorProps } from './FishboneEditor';

const causes = fixtureDeviations.in_final_approval.investigation?.fishbone ?? [];

function Editable(props: FishboneEditorProps) {
  const [value, setValue] = useState(props.value);
  return <FishboneEditor {...props} value={value} onChange={setValue} />;
}

const meta = {
  title: 'Investigation/FishboneEditor',
  component: FishboneEditor,
  decorators: [withQms],
  args: { value: causes, effect: 'Temperature excursion in cold room 2' },
} satisfies Meta<typeof FishboneEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

const categories = ['Man (people)', 'Machine', 'Method', 'Material', 'Measurement', 'Environment'];
const readOnly: Shown[] = [
  { role: 'heading', name: 'Fishbone (Ishikawa)' },
  ...categories.map((name): Shown => ({ role: 'group', name })),
  { role: 'group', name: 'Machine', text: /^Machine ?Compressor start relay worn out \(Root cause\)$/ },
  { role: 'group', name: 'Material', text: /^Material ?No causes\.$/ },
  { text: /^Effect:/ },
  { role: 'button', count: 0 },
];

export const ReadOnly: Story = { parameters: { shows: readOnly } };
export const Editing: Story = {
  render: (args) => <Editable {...args} />,
  parameters: {
    shows: [
      ...categories.map((name): Shown => ({ role: 'button', name: `Add a cause: ${name}` })),
      { role: 'button', name: 'Remove cause: Compressor start relay worn out' },
      { role: 'textbox', name: 'Cause', count: 5 },
      { role: 'checkbox', name: 'Root cause', count: 5 },
    ],
  },
};
export const Empty: Story = {
  args: { value: [] },
  render: (args) => <Editable {...args} />,
  parameters: {
    shows: [
      ...categories.map((name): Shown => ({ role: 'button', name: `Add a cause: ${name}` })),
      { role: 'textbox', count: 0 },
    ],
  },
};
export const Dark: Story = { parameters: { qms: { theme: 'dark' }, shows: readOnly } };
export const German: Story = {
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'heading', name: 'Fischgräten-Diagramm (Ishikawa)' },
      ...['Mensch', 'Maschine', 'Methode', 'Material', 'Messung', 'Mitwelt'].map(
        (name): Shown => ({ role: 'group', name }),
      ),
      { role: 'group', name: 'Material', text: /^Material ?Keine Ursachen\.$/ },
    ],
  },
};
