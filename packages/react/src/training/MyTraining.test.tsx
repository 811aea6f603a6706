import { FIXTURE_PASSWORD, fixtureDocuments } from '@masetra/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { MyTraining } from './MyTraining';

const sop = fixtureDocuments.effective;

describe('MyTraining', () => {
  it('acknowledges a task with a "read and understood" signature after a refused password', async () => {
    const user = userEvent.setup();
    const { server } = renderWithQms(<MyTraining />, { actor: 'dana' });
    const table = await screen.findByRole('table', { name: 'Training to do' });
    const row = within(table).getByRole('rowheader', { name: sop.number }).closest('tr')!;
    expect(row.textContent).toContain('1.0');
    expect(within(row).getByRole('cell', { name: 'Due' })).toBeDefined();

    await user.click(within(row).getByRole('button', { name: `Acknowledge ${sop.number} v1.0` }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('region', { name: 'What you are about to sign' }).textContent).toContain(
      'Read and understood',
    );
    // The session's first signature: the user name comes pre-filled.
    expect((within(dialog).getByLabelText('User name (e-mail)') as HTMLInputElement).value).toBe(
      'dana.reyes@acme.test',
    );
    await user.type(within(dialog).getByLabelText('Password'), 'wrong');
    await user.click(within(dialog).getByRole('button', { name: 'Sign' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'The user name or password is not correct. Nothing was signed.',
    );

    await user.type(within(dialog).getByLabelText('Password'), FIXTURE_PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Sign' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('No training to do.')).toBeDefined();
    expect(screen.getByRole('heading', { name: 'Acknowledged' })).toBeDefined();
    const signature = server.signatures.at(-1)!;
    expect(signature).toMatchObject({
      meaning: 'read_and_understood',
      recordId: sop.id,
      signerName: 'Dana Reyes',
    });
    const acknowledge = server.requests.filter((request) => request.path.endsWith('/acknowledge')).at(-1)!;
    expect(acknowledge.body).toMatchObject({
      signature: { meaning: 'read_and_understood', password: FIXTURE_PASSWORD },
    });
  });

  it('says overdue in words and has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<MyTraining />, { actor: 'ines' });
    expect(await screen.findByRole('cell', { name: 'Overdue' })).toBeDefined();
    expect(screen.getByText('1 to do, 1 overdue')).toBeDefined();
    expect(await seriousViolations(container)).toEqual([]);
  });
});
