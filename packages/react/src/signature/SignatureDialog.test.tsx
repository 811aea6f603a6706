import { ProblemError } from '@masetra/client';
import { problemTypes } from '@masetra/core';
import { FIXTURE_PASSWORD, fixtureDeviations, fixtureUsers } from '@masetra/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { de } from '../i18n/de';
import { LifecycleActionBar } from '../lifecycle/LifecycleActionBar';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { SignatureDialog } from './SignatureDialog';

const transitionRequests = (server: { requests: { path: string; body: unknown }[] }) =>
  server.requests.filter((request) => request.path.endsWith('/transitions'));

describe('SignatureDialog', () => {
  it('shows the manifestation, sends user name and password, and stays open on a wrong password', async () => {
    const user = userEvent.setup();
    const onTransitioned = vi.fn();
    const { server } = renderWithQms(
      <LifecycleActionBar
        recordType="deviation"
        record={fixtureDeviations.in_approval}
        onTransitioned={onTransitioned}
      />,
      { actor: 'dana' },
    );
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign: Approve' });

    // The manifestation: record, printed name, meaning, time.
    const manifestation = within(dialog).getByRole('region', { name: 'What you are about to sign' });
    expect(manifestation.textContent).toContain('DEV-2026-0103 · Out-of-spec assay result, batch 24-117');
    expect(manifestation.textContent).toContain('Dana Reyes');
    expect(manifestation.textContent).toContain('Approval');
    // The time of signing: when the dialog opened, a moment ago.
    const time = manifestation.querySelector('time')!;
    expect(Math.abs(Date.parse(time.dateTime) - Date.now())).toBeLessThan(60_000);
    expect(manifestation.textContent).toMatch(/Approved by Dana Reyes, /);

    // The first signature of the session asks for the user name, pre-filled.
    const username = within(dialog).getByLabelText('User name (e-mail)') as HTMLInputElement;
    expect(username.value).toBe(fixtureUsers.dana.email);
    const password = within(dialog).getByLabelText('Password');
    expect(document.activeElement).toBe(password);

    await user.type(password, 'wrong password');
    await user.click(within(dialog).getByRole('button', { name: 'Sign' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe('The user name or password is not correct. Nothing was signed.');
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(transitionRequests(server)[0]!.body).toEqual({
      event: 'APPROVE',
      signature: { meaning: 'approval', password: 'wrong password', username: fixtureUsers.dana.email },
    });
    expect(onTransitioned).not.toHaveBeenCalled();
    expect((password as HTMLInputElement).value).toBe('');

    await user.type(password, FIXTURE_PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Sign' }));
    await waitFor(() => expect(onTransitioned).toHaveBeenCalled());
    expect(onTransitioned.mock.calls[0]![0]).toMatchObject({ state: 'in_investigation' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(transitionRequests(server)[1]!.body).toEqual({
      event: 'APPROVE',
      signature: { meaning: 'approval', password: FIXTURE_PASSWORD, username: fixtureUsers.dana.email },
    });
    expect(server.signatures.at(-1)).toMatchObject({ signerName: 'Dana Reyes', meaning: 'approval' });
  });

  it('asks for the one-time code of an enrolled signer and shows a refused code', async () => {
    const user = userEvent.setup();
    const onSign = vi.fn().mockRejectedValueOnce(
      new ProblemError({
        type: problemTypes.signatureRejected,
        title: 'Signature rejected',
        status: 401,
        code: 'invalid_otp',
      }),
    );
    renderWithQms(
      <SignatureDialog
        open
        onOpenChange={() => {}}
        recordLabel="DOC-2026-0302"
        eventLabel="Complete review"
        meaning="review"
        onSign={onSign}
      />,
      { actor: 'rita' },
    );
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Password'), FIXTURE_PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Sign' }));
    const otp = within(dialog).getByLabelText('One-time code');
    expect(otp.getAttribute('aria-invalid')).toBe('true');
    const otpErrorId = otp
      .getAttribute('aria-describedby')!
      .split(' ')
      .find((id) => id.endsWith('-error'))!;
    expect(document.getElementById(otpErrorId)?.textContent).toBe('Enter the 6 to 8 digits of the code.');
    expect(onSign).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText('One-time code'), '654321');
    await user.click(within(dialog).getByRole('button', { name: 'Sign' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'The one-time code is not correct. Nothing was signed.',
    );
    expect(onSign).toHaveBeenCalledWith({
      signature: {
        meaning: 'review',
        password: FIXTURE_PASSWORD,
        username: fixtureUsers.rita.email,
        otp: '654321',
      },
      reason: undefined,
    });
  });

  it('portals into the provider’s container, in its theme', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    renderWithQms(
      <SignatureDialog
        open
        onOpenChange={() => {}}
        recordLabel="DEV-2026-0105"
        eventLabel="Approve closure"
        meaning="approval"
        onSign={async () => {}}
      />,
      { portalContainer: container, theme: 'dark' },
    );
    const dialog = await screen.findByRole('dialog');
    expect(container.contains(dialog)).toBe(true);
    expect(dialog.closest('.masetra-root')?.getAttribute('data-masetra-theme')).toBe('dark');
    container.remove();
  });

  it('has no serious accessibility violations', async () => {
    renderWithQms(
      <SignatureDialog
        open
        onOpenChange={() => {}}
        recordLabel="DEV-2026-0105"
        eventLabel="Approve closure"
        meaning="approval"
        needsReason
        onSign={async () => {}}
      />,
    );
    await screen.findByRole('dialog');
    expect(await seriousViolations(document.body)).toEqual([]);
  });

  describe('a single sign-on signer', () => {
    const stale = new ProblemError({
      type: problemTypes.signatureRejected,
      title: 'Signature rejected',
      status: 401,
      code: 'reauthentication_stale',
    });

    it('asks for no password: re-authenticates at the provider (keyboard), then signs with the proof once', async () => {
      const user = userEvent.setup();
      const reauthenticate = vi
        .fn()
        .mockResolvedValueOnce('ssoproof_first')
        .mockResolvedValueOnce('ssoproof_second');
      const onSign = vi.fn().mockRejectedValueOnce(stale).mockResolvedValueOnce(undefined);
      const onOpenChange = vi.fn();
      renderWithQms(
        <SignatureDialog
          open
          onOpenChange={onOpenChange}
          recordLabel="DEV-2026-0105"
          eventLabel="Approve closure"
          meaning="approval"
          onSign={onSign}
          reauthentication={{ providerName: 'Acme ID', reauthenticate }}
        />,
      );
      const dialog = await screen.findByRole('dialog', { name: 'Sign: Approve closure' });
      expect(within(dialog).queryByLabelText('Password')).toBeNull();
      expect(within(dialog).queryByLabelText('User name (e-mail)')).toBeNull();
      const button = within(dialog).getByRole('button', { name: 'Re-authenticate with Acme ID' });
      expect(document.activeElement).toBe(button);

      // Signing before re-authenticating is refused in the dialog, and sends nothing.
      await user.click(within(dialog).getByRole('button', { name: 'Sign' }));
      expect(within(dialog).getByText('Re-authenticate with Acme ID first.')).toBeTruthy();
      expect(onSign).not.toHaveBeenCalled();

      await user.keyboard('{Enter}');
      expect(reauthenticate).toHaveBeenCalledTimes(1);
      expect((await within(dialog).findByRole('status')).textContent).toBe(
        'Re-authenticated with Acme ID. Sign within 2 minutes.',
      );
      await user.click(within(dialog).getByRole('button', { name: 'Sign' }));
      expect(onSign).toHaveBeenLastCalledWith({
        signature: { meaning: 'approval', password: 'ssoproof_first' },
        reason: undefined,
      });
      // Refused as stale: the proof is dropped, the signer re-authenticates again.
      expect((await within(dialog).findByRole('alert')).textContent).toBe(
        'The re-authentication is older than 2 minutes. Re-authenticate again. Nothing was signed.',
      );
      expect(within(dialog).getByRole('status').textContent).toBe('');
      expect(document.activeElement).toBe(button);

      await user.keyboard('{Enter}');
      await within(dialog).findByText('Re-authenticated with Acme ID. Sign within 2 minutes.');
      await user.click(within(dialog).getByRole('button', { name: 'Sign' }));
      await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
      expect(onSign).toHaveBeenLastCalledWith({
        signature: { meaning: 'approval', password: 'ssoproof_second' },
        reason: undefined,
      });
    });

    it('says so when the re-authentication does not complete, in German too', async () => {
      const user = userEvent.setup();
      const reauthenticate = vi.fn().mockRejectedValue(new Error('pop-up closed'));
      renderWithQms(
        <SignatureDialog
          open
          onOpenChange={() => {}}
          recordLabel="DEV-2026-0105"
          eventLabel="Abschluss freigeben"
          meaning="approval"
          onSign={async () => {}}
          reauthentication={{ providerName: 'Acme ID', reauthenticate }}
        />,
        { locale: 'de-DE', messages: de },
      );
      const dialog = await screen.findByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: 'Erneut anmelden bei Acme ID' }));
      expect((await within(dialog).findByRole('alert')).textContent).toBe(
        'Die erneute Anmeldung bei Acme ID wurde nicht abgeschlossen. Es wurde nichts unterschrieben.',
      );
    });

    it('has no serious accessibility violations', async () => {
      renderWithQms(
        <SignatureDialog
          open
          onOpenChange={() => {}}
          recordLabel="DEV-2026-0105"
          eventLabel="Approve closure"
          meaning="approval"
          onSign={async () => {}}
          reauthentication={{ providerName: 'Acme ID', reauthenticate: async () => 'ssoproof_x' }}
        />,
      );
      await screen.findByRole('dialog');
      expect(await seriousViolations(document.body)).toEqual([]);
    });
  });
});
