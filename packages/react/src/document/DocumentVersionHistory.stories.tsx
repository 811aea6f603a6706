import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { withQms } from '../testing/withQms';
import { DocumentVersionHistory } from './DocumentVersionHistory';
import { sopVersionRecords, sopVersions } from './sopVersions.fixtures';

const meta = {
  title: 'Documents/DocumentVersionHistory',
  component: DocumentVersionHistory,
  decorators: [withQms],
  args: { document: sopVersions.effective, onOpenRecord: fn() },
  parameters: { qms: { actor: 'dora', server: { records: sopVersionRecords } } },
} satisfies Meta<typeof DocumentVersionHistory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One number across its versions; a revision (2.1) is in work, so no second one is offered. */
export const WithRevisionInWork: Story = {
  parameters: {
    shows: [
      { role: 'list', name: 'Versions of SOP-0001' },
      { role: 'button', name: 'SOP-0001 v1.0' },
      { role: 'listitem', text: /^SOP-0001 v2\.0 \(this version\) Effective effective from/ },
      { role: 'button', name: 'SOP-0001 v2.1' },
      { text: 'Version 2.1 is in work: one revision at a time.' },
      { role: 'button', name: 'Start revision', count: 0 },
    ],
  },
};

/** The effective version with nothing in work: its controller may start a revision. */
export const MayRevise: Story = {
  parameters: {
    qms: { actor: 'dora', server: { records: [sopVersions.superseded, sopVersions.effective] } },
    shows: [
      { role: 'button', name: 'Start revision' },
      { role: 'listitem', count: 2 },
    ],
  },
};

/** A reader sees the versions and starts nothing. */
export const ReadOnly: Story = {
  parameters: {
    qms: { actor: 'vic', server: { records: [sopVersions.superseded, sopVersions.effective] } },
    shows: [
      { role: 'list', name: 'Versions of SOP-0001' },
      { role: 'button', name: 'Start revision', count: 0 },
    ],
  },
};

export const German: Story = {
  parameters: {
    qms: {
      actor: 'dora',
      locale: 'de',
      server: { records: [sopVersions.superseded, sopVersions.effective] },
    },
    shows: [
      { role: 'list', name: 'Versionen von SOP-0001' },
      { role: 'button', name: 'Überarbeitung starten' },
      { text: /gültig ab/ },
    ],
  },
};
