import { fixtureDeviations } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { withQms } from '../testing/withQms';
import { FiveWhyEditor, type FiveWhyEditorProps } from './FiveWhyEditor';

const chain = fixtureDeviations.in_final_approval.investigation?.fiveWhys ?? [];

function Editable(props: FiveWhyEditorProps) {
  const [steps, setSteps] = useState(props.value);
  return <FiveWhyEditor {...props} value={steps} onChange={setSteps} />;
}

const meta = {
  title: 'Investigation/FiveWhyEditor',
  component: FiveWhyEditor,
  decorators: [withQms],
  args: { value: chain },
} satisfies Meta<typeof FiveWhyEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ReadOnly: Story = {
  parameters: {
    shows: [
      { role: 'heading', name: '5 Whys' },
      { role: 'listitem', count: chain.length },
      { role: 'term', text: 'Why? (3)' },
      { role: 'definition', text: 'It had exceeded its rated switching cycles.' },
      { role: 'textbox', count: 0 },
    ],
  },
};
export const Editing: Story = {
  render: (args) => <Editable {...args} />,
  parameters: {
    shows: [
      { role: 'listitem', count: chain.length },
      { role: 'textbox', name: 'Why? (3)' },
      { role: 'button', name: 'Remove step 5' },
      { role: 'button', name: 'Add a why' },
    ],
  },
};
export const Empty: Story = {
  args: { value: [] },
  render: (args) => <Editable {...args} />,
  parameters: { shows: [{ text: 'No steps yet.' }, { role: 'button', name: 'Add a why' }] },
};
/** A step without its answer: the error beside the field. */
export const WithErrors: Story = {
  args: {
    errors: { '/1/because': 'Required.' },
    value: [chain[0]!, { why: 'Why did the relay fail?', because: '' }],
  },
  render: (args) => <Editable {...args} />,
  parameters: {
    shows: [{ role: 'textbox', name: 'Because (2)' }, { text: 'Required.' }],
  },
};
export const German: Story = {
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'heading', name: '5 Warum' },
      { role: 'term', text: 'Warum? (3)' },
      { role: 'term', text: 'Weil (3)' },
    ],
  },
};
