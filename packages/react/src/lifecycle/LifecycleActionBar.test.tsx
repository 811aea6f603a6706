import { fixtureCapas, fixtureDeviations } from '@masetra/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { LifecycleActionBar } from './LifecycleActionBar';

const actions = () =>
  within(screen.getByRole('list', { name: 'Lifecycle actions' }))
    .getAllByRole('button')
    .map((button) => ({
      name: button.textContent,
      enabled: button.getAttribute('aria-disabled') !== 'true',
    }));

const descriptionOf = (button: HTMLElement) =>
  (button.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

describe('LifecycleActionBar', () => {
  it('shows the owner APPROVE disabled with the segregation-of-duties reason', () => {
    renderWithQms(<LifecycleActionBar recordType="deviation" record={fixtureDeviations.in_approval} />, {
      actor: 'oliver',
    });
    expect(actions()).toEqual([
      { name: 'Approve', enabled: false },
      { name: 'Reject', enabled: true },
      { name: 'Request cancellation', enabled: true },
    ]);
    expect(descriptionOf(screen.getByRole('button', { name: 'Approve' }))).toBe(
      'You own DEV-2026-0103, so you may not sign it (Approval): segregation of duties.',
    );
  });

  it('offers another approver every move, and says which are signed', () => {
    renderWithQms(<LifecycleActionBar recordType="deviation" record={fixtureDeviations.in_approval} />, {
      actor: 'dana',
    });
    expect(actions()).toEqual([
      { name: 'Approve', enabled: true },
      { name: 'Reject', enabled: true },
      { name: 'Request cancellation', enabled: true },
    ]);
    expect(descriptionOf(screen.getByRole('button', { name: 'Approve' }))).toBe('Signed: Approval');
    expect(descriptionOf(screen.getByRole('button', { name: 'Reject' }))).toBe('Asks for a reason');
  });

  it('offers only the moves the roles allow', () => {
    const { container, unmount } = renderWithQms(
      <LifecycleActionBar recordType="deviation" record={fixtureDeviations.in_approval} />,
      { actor: 'vic' },
    );
    // A viewer: no move at all, only the hint.
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(container.textContent).toBe('Nothing for you to do in this state.');
    unmount();

    renderWithQms(<LifecycleActionBar recordType="deviation" record={fixtureDeviations.in_investigation} />, {
      actor: 'ines',
    });
    expect(actions()).toEqual([
      { name: 'Submit investigation', enabled: false },
      { name: 'Request cancellation', enabled: true },
    ]);
    expect(descriptionOf(screen.getByRole('button', { name: 'Submit investigation' }))).toBe(
      'Missing: Root cause, Impact assessment, and CAPA required.',
    );
  });

  it('explains a guard the record does not meet yet', () => {
    renderWithQms(<LifecycleActionBar recordType="capa" record={fixtureCapas.implementation} />, {
      actor: 'ines',
    });
    expect(actions()).toContainEqual({ name: 'Complete implementation', enabled: false });
    expect(descriptionOf(screen.getByRole('button', { name: 'Complete implementation' }))).toContain(
      'Missing',
    );
  });

  it('asks for a reason, then moves the record', async () => {
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
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject: give a reason' });
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    // Refused before anything is sent, the message tied to the field.
    const reason = within(dialog).getByLabelText('Reason');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(reason)).toBe('Enter a reason.');
    expect(server.requests.some((candidate) => candidate.path.endsWith('/transitions'))).toBe(false);

    await user.type(within(dialog).getByLabelText('Reason'), 'Immediate actions incomplete.');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(onTransitioned).toHaveBeenCalled());
    expect(onTransitioned.mock.calls[0]![0]).toMatchObject({ state: 'in_assessment' });
    const request = server.requests.find((candidate) => candidate.path.endsWith('/transitions'));
    expect(request?.body).toEqual({ event: 'REJECT', reason: 'Immediate actions incomplete.' });
    expect(request?.headers.get('if-match')).toBe(`"${fixtureDeviations.in_approval.version}"`);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('DEV-2026-0103 is now In assessment.');
  });

  it('shows the fields a refused move lacks', async () => {
    const user = userEvent.setup();
    const draft = { ...fixtureDeviations.draft };
    renderWithQms(<LifecycleActionBar recordType="deviation" record={draft} />, { actor: 'oliver' });
    const submit = screen.getByRole('button', { name: 'Submit' });
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    expect(descriptionOf(submit)).toBe('Missing: Description, Occurred at, and Severity.');
    await user.click(submit);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(
      <LifecycleActionBar recordType="deviation" record={fixtureDeviations.in_approval} />,
      { actor: 'oliver' },
    );
    expect(await seriousViolations(container)).toEqual([]);
  });
});
