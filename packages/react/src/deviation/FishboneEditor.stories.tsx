import { fixtureDeviations } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
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

export const ReadOnly: Story = {};
export const Editing: Story = { render: (args) => <Editable {...args} /> };
export const Empty: Story = { args: { value: [] }, render: (args) => <Editable {...args} /> };
export const Dark: Story = { parameters: { qms: { theme: 'dark' } } };
export const German: Story = { parameters: { qms: { locale: 'de' } } };
