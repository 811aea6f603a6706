import { fixtureDocuments } from '@masetra/fixtures';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { TrainingMatrix } from './TrainingMatrix';

const sop = fixtureDocuments.effective;

describe('TrainingMatrix', () => {
  it('shows people × effective documents with each status in words, and the keyboard reaches the table', async () => {
    const user = userEvent.setup();
    const { container } = renderWithQms(<TrainingMatrix />, { actor: 'dana' });
    const region = await screen.findByRole('region', { name: 'People and current effective documents' });
    const table = within(region).getByRole('table');
    expect(
      within(table).getByRole('columnheader', { name: new RegExp(`^${sop.number} v1\\.0`) }),
    ).toBeDefined();
    const statusOf = (name: string) =>
      within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td')[0]!.textContent;
    expect(statusOf('Ines Kowalski')).toMatch(/^Overdue, /);
    expect(statusOf('Rita Sørensen')).toMatch(/^Trained, /);
    expect(statusOf('Dana Reyes')).toMatch(/^Due, /);
    expect(statusOf('Vic Viewer')).toBe('Not required');
    expect(screen.getByText('1 overdue')).toBeDefined();
    await user.tab();
    expect(document.activeElement).toBe(region);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('tells a viewer the matrix is not theirs and asks nothing of the server', async () => {
    const { server } = renderWithQms(<TrainingMatrix />, { actor: 'vic' });
    expect(await screen.findByText('Your roles do not allow reading the training matrix.')).toBeDefined();
    expect(server.requests.some((request) => request.path === '/training/matrix')).toBe(false);
  });
});
