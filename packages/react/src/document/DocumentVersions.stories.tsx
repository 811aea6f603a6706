import type { ControlledDocument } from '@masetra/core';
import { fixtureDocuments } from '@masetra/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Shown } from '../testing/storyShows';
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

const approvals: Shown[] = [{ text: /^Reviewed by Rita Sørensen, / }, { text: /^Approved by Dana Reyes, / }];

export const Effective: Story = {
  parameters: {
    shows: [
      { role: 'heading', name: 'Version and approvals' },
      { role: 'definition', text: '1.0 Effective' },
      { role: 'definition', text: 'Apr 1, 2028' },
      ...approvals,
      { role: 'status', count: 0 },
    ],
  },
};
export const ReviewDueSoon: Story = {
  args: { now: '2028-03-15T00:00:00.000Z' },
  parameters: {
    shows: [
      { role: 'status', text: /^Periodic review due on Apr 1, 2028\. The owner records/ },
      ...approvals,
    ],
  },
};
/** Past its due date: still a step to take, now overdue. */
export const ReviewOverdue: Story = {
  args: { now: '2028-05-02T00:00:00.000Z' },
  parameters: { shows: [{ role: 'status', text: /^Periodic review overdue since Apr 1, 2028\./ }] },
};
const reviewedDocument: ControlledDocument = {
  ...fixtureDocuments.effective,
  lastPeriodicReviewOn: '2028-03-20',
  nextReviewDue: '2030-03-20',
};
/** After a periodic review that found no change needed: when it was, and the next due date. */
export const Reviewed: Story = {
  args: {
    document: reviewedDocument,
    now: '2028-03-21T00:00:00.000Z',
  },
  parameters: {
    shows: [
      { role: 'term', text: 'Last periodic review' },
      { role: 'definition', text: 'Mar 20, 2028' },
      { role: 'definition', text: 'Mar 20, 2030' },
      { role: 'status', count: 0 },
    ],
  },
};
/** A revision in draft, version 1.1 of the effective 1.0. */
export const Revision: Story = {
  args: { document: fixtureDocuments.draft },
  parameters: {
    shows: [
      { role: 'definition', text: '1.1 Draft' },
      { role: 'definition', text: 'Revises SOP-0012 (Version 1.0)' },
      { text: 'Not yet reviewed or approved.' },
    ],
  },
};
export const InReview: Story = {
  args: { document: fixtureDocuments.in_review },
  parameters: {
    shows: [{ role: 'definition', text: '0.2 In review' }, { text: 'Not yet reviewed or approved.' }],
  },
};
export const Approved: Story = {
  args: { document: fixtureDocuments.approved },
  parameters: {
    shows: [
      { role: 'definition', text: '1.0 Approved' },
      { role: 'definition', text: 'May 1, 2026' },
      ...approvals,
    ],
  },
};
export const Obsolete: Story = {
  args: { document: fixtureDocuments.obsolete },
  parameters: { shows: [{ role: 'definition', text: '3.0 Obsolete' }] },
};
export const German: Story = {
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'heading', name: 'Version und Freigaben' },
      { role: 'definition', text: '1.0 Gültig' },
      { text: /^Freigegeben von Dana Reyes, 08\.03\.2026, 11:11/ },
    ],
  },
};
