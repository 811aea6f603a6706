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

export const ReadOnly: Story = {};
export const Editing: Story = { render: (args) => <Editable {...args} /> };
export const Empty: Story = { args: { value: [] }, render: (args) => <Editable {...args} /> };
export const WithErrors: Story = {
  args: {
    errors: { '/1/because': 'Required.' },
    value: [chain[0]!, { why: 'Why did the relay fail?', because: '' }],
  },
  render: (args) => <Editable {...args} />,
};
export const German: Story = { parameters: { qms: { locale: 'de' } } };
