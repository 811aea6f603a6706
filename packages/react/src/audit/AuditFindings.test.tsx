import { fixtureAudits } from '@masetra/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { AuditFindings } from './AuditFindings';

const audit = fixtureAudits.in_progress;

describe('AuditFindings', () => {
  it('lists the findings of an audit with how many are open', async () => {
    const onOpenFinding = vi.fn();
    const { server } = renderWithQms(<AuditFindings audit={audit} onOpenFinding={onOpenFinding} />);
    expect((await screen.findByText(/ open of /)).textContent).toBe('2 open of 3');
    const request = server.requests.find((candidate) => candidate.path === '/findings')!;
    expect(request.url.searchParams.get('auditId')).toBe(audit.id);
    await userEvent.click(screen.getByRole('button', { name: 'FND-2026-0501' }));
    expect(onOpenFinding).toHaveBeenCalledWith(expect.objectContaining({ number: 'FND-2026-0501' }));
  });

  it('records a new finding under the audit', async () => {
    const user = userEvent.setup();
    const { server } = renderWithQms(<AuditFindings audit={audit} />, { actor: 'alex' });
    await screen.findByText('2 open of 3');
    await user.click(screen.getByRole('button', { name: 'Record a finding' }));
    const form = screen.getByRole('form', { name: 'Record a finding' });
    await user.type(within(form).getByLabelText(/^Title/), 'Supplier approval list outdated');
    await user.selectOptions(within(form).getByLabelText('Classification'), 'minor');
    await user.click(within(form).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByText(/ open of /).textContent).toBe('3 open of 4'));
    const create = server.requests.find((candidate) => candidate.method === 'POST')!;
    expect(create.body).toEqual({
      auditId: audit.id,
      title: 'Supplier approval list outdated',
      classification: 'minor',
    });
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<AuditFindings audit={audit} />, { actor: 'alex' });
    await screen.findByText('2 open of 3');
    expect(await seriousViolations(container)).toEqual([]);
  });
});
