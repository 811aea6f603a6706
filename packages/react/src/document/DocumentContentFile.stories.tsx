import { fixtureDocuments } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { withQms } from '../testing/withQms';
import { DocumentContentFile } from './DocumentContentFile';
import { sopVersionRecords, sopVersions } from './sopVersions.fixtures';

const meta = {
  title: 'Documents/DocumentContentFile',
  component: DocumentContentFile,
  decorators: [withQms],
  args: { document: sopVersions.effective },
  parameters: { qms: { actor: 'dora', server: { records: sopVersionRecords } } },
} satisfies Meta<typeof DocumentContentFile>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The effective version's PDF: a controlled copy to view or to print; its file no longer changes. */
export const EffectivePdf: Story = {
  parameters: {
    shows: [
      { role: 'definition', text: 'SOP-0001 Cold-chain receipt v2.pdf' },
      { role: 'definition', text: /^3f5a9c07e1b2…/ },
      { role: 'button', name: 'Download controlled copy' },
      { role: 'button', name: 'Print copy' },
      { text: /has left draft: its file is part of what was reviewed and signed/ },
    ],
  },
};

/** A draft revision in Word: the file unchanged plus its signature page; the file can be replaced. */
export const DraftDocx: Story = {
  args: { document: sopVersions.draft },
  parameters: {
    shows: [
      { role: 'button', name: 'Download file' },
      { role: 'button', name: 'Signature page' },
      { role: 'button', name: 'Download controlled copy', count: 0 },
      { text: 'Replace the content file' },
      { text: 'PDF, DOCX or XLSX. Reviewers and approvers sign exactly this file.' },
    ],
  },
};

/** A new draft without a file: what to upload, and where. */
export const NoFileYet: Story = {
  args: { document: fixtureDocuments.draft },
  parameters: {
    shows: [
      { text: /^No content file yet\./ },
      { text: 'Upload the content file' },
      { text: 'or drop a file here' },
      { role: 'button', count: 0 },
    ],
  },
};

/** Someone who may read but not change documents downloads, and sees no upload. */
export const ReadOnly: Story = {
  parameters: {
    qms: { actor: 'vic', server: { records: sopVersionRecords } },
    shows: [
      { role: 'button', name: 'Download controlled copy' },
      { text: 'Replace the content file', count: 0 },
    ],
  },
};

export const German: Story = {
  parameters: {
    qms: { actor: 'dora', locale: 'de', server: { records: sopVersionRecords } },
    shows: [
      { role: 'button', name: 'Gelenkte Kopie herunterladen' },
      { role: 'button', name: 'Druckexemplar' },
      { text: /^Diese Version ist kein Entwurf mehr/ },
    ],
  },
};
