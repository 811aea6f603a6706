import {
  createFakeQmsServer,
  fixtureAuditTrail,
  fixtureDocuments,
  fixtureId,
  fixtureTime,
  fixtureUsers,
} from '@masetra/fixtures';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { DocumentVersions } from './DocumentVersions';

describe('DocumentVersions', () => {
  it('shows the version, its approvals from signatures, and the version history', async () => {
    const doc = fixtureDocuments.effective;
    const server = createFakeQmsServer({
      actorId: fixtureUsers.dana.id,
      auditTrail: [
        ...fixtureAuditTrail,
        {
          ...fixtureAuditTrail[0]!,
          id: fixtureId(29_001),
          seq: 99,
          recordType: 'document',
          recordId: doc.id,
          recordNumber: doc.number,
          action: 'transition',
          at: fixtureTime(8, 11, 11),
          actorName: 'Dana Reyes',
          changes: [
            { field: 'state', old: 'in_approval', new: 'approved' },
            { field: 'versionLabel', old: '0.3', new: '1.0' },
          ],
        },
      ],
    });
    renderWithQms(<DocumentVersions document={doc} now="2028-03-10T00:00:00Z" />, { server });
    // The current version, with its state.
    const [current] = screen.getAllByRole('definition');
    expect(current!.textContent).toBe('1.0 Effective');
    expect(within(current!).getByText('Effective').dataset.state).toBe('effective');
    expect(screen.getByRole('status').textContent).toBe(
      'Periodic review due on Apr 1, 2028. The owner records “No change needed” (signed) among the actions above, or starts a revision.',
    );
    const approvals = await screen.findAllByText(/^(Reviewed|Approved) by/);
    expect(approvals.map((approval) => approval.textContent?.split(',')[0])).toEqual([
      'Reviewed by Rita Sørensen',
      'Approved by Dana Reyes',
    ]);
    const item = await screen.findByText(
      (_, element) => element?.tagName === 'LI' && element.textContent?.startsWith('0.3 → 1.0') === true,
    );
    expect(within(item).getByText('1.0').tagName).toBe('STRONG');
  });

  it('names the version it revises', async () => {
    renderWithQms(<DocumentVersions document={fixtureDocuments.draft} />);
    expect((await screen.findByText(/^Revises /)).textContent).toBe('Revises SOP-0012 (Version 1.0)');
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<DocumentVersions document={fixtureDocuments.approved} />);
    await screen.findAllByText(/^(Reviewed|Approved) by/);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
