import { ProblemError } from '@masetra/client';
import { problemTypes } from '@masetra/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { Shown } from '../testing/storyShows';
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

/** The dialog before any attempt: the manifestation, the user name asked, no refusal yet. */
const signing = (title: string, meaning: string, signer = 'Dana Reyes'): Shown[] => [
  { role: 'dialog', name: title },
  { role: 'region', name: 'What you are about to sign' },
  { role: 'definition', text: 'DEV-2026-0105 · Temperature excursion in cold room 2' },
  { role: 'definition', text: signer },
  { role: 'definition', text: meaning },
  { role: 'textbox', name: 'User name (e-mail)' },
  { role: 'button', name: 'Sign' },
  { role: 'alert', count: 0 },
];

/** The first signature of a session asks for the user name (pre-filled) and the password. */
export const FirstSigningOfSession: Story = {
  parameters: {
    shows: [
      ...signing('Sign: Approve closure', 'Approval'),
      { role: 'textbox', name: 'One-time code', count: 0 },
    ],
  },
};
/** A signer enrolled in MFA also gives a one-time code. */
export const WithOneTimeCode: Story = {
  args: { meaning: 'review', eventLabel: 'Complete review' },
  parameters: {
    qms: { actor: 'rita' },
    shows: [
      ...signing('Sign: Complete review', 'Review', 'Rita Sørensen'),
      { role: 'textbox', name: 'One-time code' },
    ],
  },
};
/** A move that is both signed and reasoned. */
export const WithReason: Story = {
  args: { needsReason: true, eventLabel: 'Retire', meaning: 'approval' },
  parameters: { shows: [...signing('Sign: Retire', 'Approval'), { role: 'textbox', name: /^Reason/ }] },
};
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
  // The refusal shows once the user signs; before that, the dialog as on any first signing.
  parameters: { shows: signing('Sign: Approve closure', 'Approval') },
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
  // As above: the locked account is reported when the user signs.
  parameters: { shows: signing('Sign: Approve closure', 'Approval') },
};
export const Verification: Story = {
  args: { meaning: 'verification', eventLabel: 'Confirm effective' },
  parameters: {
    shows: [...signing('Sign: Confirm effective', 'Verification'), { text: /^Verified by Dana Reyes, / }],
  },
};
export const Dark: Story = {
  parameters: { qms: { theme: 'dark' }, shows: signing('Sign: Approve closure', 'Approval') },
};
export const German: Story = {
  args: { eventLabel: 'Abschluss freigeben' },
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'dialog', name: 'Unterschreiben: Abschluss freigeben' },
      { role: 'region', name: 'Was Sie unterschreiben' },
      { role: 'definition', text: 'Freigabe' },
      { role: 'textbox', name: 'Benutzername (E-Mail)' },
      { role: 'button', name: 'Unterschreiben' },
    ],
  },
};
/** A single sign-on signer: no password here, their identity provider asks for the credentials again. */
export const SingleSignOn: Story = {
  args: {
    reauthentication: { providerName: 'Acme ID', reauthenticate: fn(async () => 'ssoproof_story') },
  },
  parameters: {
    shows: [
      { role: 'dialog', name: 'Sign: Approve closure' },
      { role: 'region', name: 'What you are about to sign' },
      { role: 'button', name: 'Re-authenticate with Acme ID' },
      { role: 'textbox', name: 'User name (e-mail)', count: 0 },
      { role: 'button', name: 'Sign' },
      { role: 'alert', count: 0 },
    ],
  },
};
/** The same in German. */
export const SingleSignOnGerman: Story = {
  args: {
    eventLabel: 'Abschluss freigeben',
    reauthentication: { providerName: 'Acme ID', reauthenticate: fn(async () => 'ssoproof_story') },
  },
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'dialog', name: 'Unterschreiben: Abschluss freigeben' },
      { role: 'button', name: 'Erneut anmelden bei Acme ID' },
      { role: 'button', name: 'Unterschreiben' },
    ],
  },
};
