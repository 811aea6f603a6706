import { fixtureDocuments } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { withQms } from '../testing/withQms';
import { DocumentVersions } from './DocumentVersions';

const meta = {
  title: 'Documents/DocumentVersions',
  component: DocumentVersions,
  decorators: [withQms],
  args: { document: fixtureDocuments.effective },
} satisfies Meta<typeof DocumentVersions>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Effective: Story = {};
export const ReviewDueSoon: Story = { args: { now: '2028-03-15T00:00:00.000Z' } };
/** A revision in draft, version 1.1 of the effective 1.0. */
export const Revision: Story = { args: { document: fixtureDocuments.draft } };
export const InReview: Story = { args: { document: fixtureDocuments.in_review } };
export const Approved: Story = { args: { document: fixtureDocuments.approved } };
export const Obsolete: Story = { args: { document: fixtureDocuments.obsolete } };
export const German: Story = { parameters: { qms: { locale: 'de' } } };
