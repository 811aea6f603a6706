import { ProblemError } from '@masetra/client';
import { problemTypes } from '@masetra/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { withQms } from '../testing/withQms';
import { SignatureDialog } from './SignatureDialog';

const meta = {
  title: 'Lifecycle/SignatureDialog',
  component: SignatureDialog,
  decorators: [withQms],
  args: {
    open: true,
    onOpenChange: fn(),
    recordLabel: 'DEV-2026-0105 · Temperature excursion in cold room 2',
    eventLabel: 'Approve closure',
    meaning: 'approval',
    onSign: fn(async () => {}),
  },
} satisfies Meta<typeof SignatureDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The first signature of a session asks for the user name (pre-filled) and the password. */
export const FirstSigningOfSession: Story = {};
/** A signer enrolled in MFA also gives a one-time code. */
export const WithOneTimeCode: Story = {
  args: { meaning: 'review', eventLabel: 'Complete review' },
  parameters: { qms: { actor: 'rita' } },
};
/** A move that is both signed and reasoned. */
export const WithReason: Story = { args: { needsReason: true, eventLabel: 'Retire', meaning: 'approval' } };
/** Every signing attempt is refused: the server's message shows, the dialog stays open. */
export const WrongPassword: Story = {
  args: {
    onSign: fn(async () => {
      throw new ProblemError({
        type: problemTypes.signatureRejected,
        title: 'Signature rejected',
        status: 401,
        code: 'invalid_credentials',
        detail: 'The signing credentials were not accepted.',
      });
    }),
  },
};
export const AccountLocked: Story = {
  args: {
    onSign: fn(async () => {
      throw new ProblemError({
        type: problemTypes.signatureRejected,
        title: 'Signature rejected',
        status: 401,
        code: 'account_locked',
      });
    }),
  },
};
export const Verification: Story = { args: { meaning: 'verification', eventLabel: 'Confirm effective' } };
export const Dark: Story = { parameters: { qms: { theme: 'dark' } } };
export const German: Story = {
  args: { eventLabel: 'Abschluss freigeben' },
  parameters: { qms: { locale: 'de' } },
};
