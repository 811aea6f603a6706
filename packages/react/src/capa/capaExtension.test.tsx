// A CAPA's page offers the decision on a pending extension request: approval signed, refusal with a reason.
import type { Capa } from '@masetra/core';
import { FIXTURE_PASSWORD, fixtureCapas, fixtureUsers } from '@masetra/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RecordDetail } from '../detail/RecordDetail';
import { renderWithQms } from '../testing/renderWithQms';

/** The plan is approved and Ines asked to move task-2; Dana approves, and owns none of it. */
const capa = fixtureCapas.implementation;
const pending = capa.extensionRequests![0]!;

const actionBar = () => screen.getByRole('list', { name: 'Lifecycle actions' });

const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

describe('CAPA page: deciding an extension request', () => {
  it('offers the approval, signed, and moves the due date only then', async () => {
    const user = userEvent.setup();
    const { server } = renderWithQms(<RecordDetail recordType="capa" id={capa.id} />, { actor: 'dana' });
    const approve = await within(await screen.findByRole('list', { name: 'Lifecycle actions' })).findByRole(
      'button',
      { name: 'Approve extension' },
    );
    expect(approve.getAttribute('aria-disabled')).toBeNull();
    expect(descriptionOf(approve)).toBe('Signed: Approval');
    // Requesting is the plan's own form, never an action-bar button without a date.
    expect(within(actionBar()).queryByRole('button', { name: 'Request extension' })).toBeNull();

    await user.click(approve);
    const dialog = await screen.findByRole('dialog', { name: 'Sign: Approve extension' });
    await user.type(within(dialog).getByLabelText('Password'), FIXTURE_PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Sign' }));
    await waitFor(() => expect(server.record(capa.id)?.version).toBe(capa.version + 1));

    const stored = server.record(capa.id) as unknown as Capa;
    expect(stored.state).toBe('implementation');
    expect(stored.tasks?.find((task) => task.id === pending.taskId)?.dueAt).toBe(pending.newDueAt);
    expect(stored.extensionRequests?.[0]).toMatchObject({
      status: 'approved',
      decidedBy: fixtureUsers.dana.id,
    });
    expect(server.signatures.at(-1)).toMatchObject({
      event: 'APPROVE_EXTENSION',
      meaning: 'approval',
      signerName: fixtureUsers.dana.displayName,
    });
  });

  it('offers the refusal with a reason, and leaves the due date', async () => {
    const user = userEvent.setup();
    const { server } = renderWithQms(<RecordDetail recordType="capa" id={capa.id} />, { actor: 'dana' });
    const refuse = await within(await screen.findByRole('list', { name: 'Lifecycle actions' })).findByRole(
      'button',
      { name: 'Refuse extension' },
    );
    expect(descriptionOf(refuse)).toBe('Asks for a reason');
    await user.click(refuse);
    const dialog = await screen.findByRole('dialog', { name: 'Refuse extension: give a reason' });
    await user.type(within(dialog).getByLabelText('Reason'), 'Use the vendor’s interim patch.');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(server.record(capa.id)?.version).toBe(capa.version + 1));

    const stored = server.record(capa.id) as unknown as Capa;
    expect(stored.tasks).toEqual(capa.tasks);
    expect(stored.extensionRequests?.[0]).toMatchObject({
      status: 'rejected',
      decisionReason: 'Use the vendor’s interim patch.',
    });
  });

  it('shows the requester the decision barred: segregation of duties', async () => {
    const asked = { ...capa, extensionRequests: [{ ...pending, requestedBy: fixtureUsers.dana.id }] };
    renderWithQms(<RecordDetail recordType="capa" id={capa.id} />, {
      actor: 'dana',
      serverOptions: { records: [asked] },
    });
    const approve = await within(await screen.findByRole('list', { name: 'Lifecycle actions' })).findByRole(
      'button',
      { name: 'Approve extension' },
    );
    expect(approve.getAttribute('aria-disabled')).toBe('true');
    expect(descriptionOf(approve)).toBe(
      `As the requester of the pending extension, you may not also take this step on ${capa.number}: segregation of duties.`,
    );
    expect(
      within(actionBar()).getByRole('button', { name: 'Refuse extension' }).getAttribute('aria-disabled'),
    ).toBe('true');
  });
});
