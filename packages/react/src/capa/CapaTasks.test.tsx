import type { Capa } from '@masetra/core';
import { FIXTURE_NOW, fixtureCapas, fixtureUsers } from '@masetra/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { CapaTasks } from './CapaTasks';

const capa = fixtureCapas.implementation;

describe('CapaTasks', () => {
  it('shows tasks with owner, due date, done, progress and overdue ones', () => {
    renderWithQms(<CapaTasks capa={capa} now={FIXTURE_NOW} />, { actor: 'vic' });
    const progress = screen.getByRole('progressbar') as HTMLProgressElement;
    expect([progress.value, progress.max]).toEqual([1, 3]);
    expect(progress.labels[0]?.textContent).toBe('1 of 3 done');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-overdue'))).toEqual([null, 'true', null]);
    expect(rows[1]!.textContent).toContain('Ines Kowalski');
    expect(rows[1]!.textContent).toContain('Overdue');
    expect(screen.getByRole('region', { name: 'Extension requests' }).textContent).toContain('Pending');
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('marks a task done and saves it with the reason a change past draft needs', async () => {
    const user = userEvent.setup();
    const { server } = renderWithQms(<CapaTasks capa={capa} now={FIXTURE_NOW} />, { actor: 'ines' });
    // The plan is approved: due dates show as text, with no field to change them; done stays open.
    expect(screen.getByText(/^Due dates are locked/).textContent).toBe(
      'Due dates are locked since the plan was approved; request an extension to move one.',
    );
    const table = screen.getByRole('table');
    expect(table.querySelectorAll('input[type="datetime-local"]')).toHaveLength(0);
    expect(
      within(table)
        .getAllByRole('checkbox')
        .map((done) => (done as HTMLInputElement).disabled),
    ).toEqual([false, false, false]);
    await user.click(screen.getByRole('checkbox', { name: /Done: Restore the 6-month/ }));
    await user.type(screen.getByLabelText('Reason for the change'), 'CMMS interval restored.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(server.record(capa.id)?.version).toBe(capa.version + 1));
    const request = server.requests.find((candidate) => candidate.method === 'PATCH')!;
    const body = request.body as { changes: { tasks: { id: string; done: boolean }[] }; reason: string };
    expect(body.reason).toBe('CMMS interval restored.');
    expect(body.changes.tasks.map((task) => task.done)).toEqual([true, true, false]);
  });

  it('requests an extension of a locked due date as a lifecycle step, with its reason and new date', async () => {
    const user = userEvent.setup();
    const unasked = { ...capa, extensionRequests: [] };
    const { server } = renderWithQms(<CapaTasks capa={unasked} now={FIXTURE_NOW} />, {
      actor: 'ines',
      serverOptions: { records: [unasked] },
    });
    expect(screen.getByRole('form', { name: 'Request an extension' })).toBeInstanceOf(HTMLFormElement);
    await user.selectOptions(screen.getByLabelText('Task'), 'task-3');
    await user.type(screen.getByLabelText('New due date'), '2026-06-30T12:00');
    await user.type(screen.getByLabelText('Reason', { selector: 'textarea' }), 'Trainer unavailable in May.');
    await user.click(screen.getByRole('button', { name: 'Request' }));
    await waitFor(() => expect(server.record(capa.id)?.version).toBe(capa.version + 1));
    const request = server.requests.find((candidate) => candidate.method === 'POST')!;
    expect(request.body).toMatchObject({
      event: 'REQUEST_EXTENSION',
      reason: 'Trainer unavailable in May.',
      data: { taskId: 'task-3', newDueAt: expect.stringMatching(/^2026-06-30T/) },
    });
    const stored = server.record(capa.id) as unknown as Capa;
    expect(stored.extensionRequests?.at(-1)).toMatchObject({
      taskId: 'task-3',
      status: 'pending',
      requestedBy: fixtureUsers.ines.id,
    });
    // The due date stays until someone else approves the request.
    expect(stored.tasks?.find((task) => task.id === 'task-3')?.dueAt).toBe(
      capa.tasks?.find((task) => task.id === 'task-3')?.dueAt,
    );
  });

  it('asks for no second extension while one is pending, and names who asked', () => {
    renderWithQms(<CapaTasks capa={capa} now={FIXTURE_NOW} />, { actor: 'ines' });
    const extensions = screen.getByRole('region', { name: 'Extension requests' });
    expect(within(extensions).getByRole('listitem').textContent).toContain('Pending');
    expect(within(extensions).getByRole('listitem').textContent).toContain(fixtureUsers.ines.displayName);
    expect(screen.queryByRole('form', { name: 'Request an extension' })).toBeNull();
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<CapaTasks capa={fixtureCapas.draft} now={FIXTURE_NOW} />, {
      actor: 'ines',
    });
    expect(await seriousViolations(container)).toEqual([]);
  });
});
