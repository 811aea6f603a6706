import {
  fixtureAudits,
  fixtureCapas,
  fixtureDeviations,
  fixtureDocuments,
  fixtureFindings,
} from '@masetra/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { defaultRecordViews } from './defaultRecordViews';
import { RecordDetail } from './RecordDetail';
import type { RecordViewSectionProps, RecordViews } from './recordView';

const record = fixtureDeviations.in_final_approval;

/** A host's own section on a built-in type's page. */
function Containment({ record: shown }: RecordViewSectionProps) {
  return <p>Contained: {shown.number}</p>;
}

describe('RecordDetail', () => {
  it('shows the record, its moves, signatures, attachments, comments and audit trail', async () => {
    const onEdit = vi.fn();
    renderWithQms(<RecordDetail recordType="deviation" id={record.id} onEdit={onEdit} />, { actor: 'dana' });
    const heading = await screen.findByRole('heading', { level: 2 });
    expect(heading.textContent).toBe(`${record.number} ${record.title}`);
    expect(screen.getByText('In final approval')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Approve closure' })).toBeTruthy();

    const fields = screen.getByRole('region', { name: 'Details' });
    expect(within(fields).getByText('Warehouse, cold room 2')).toBeTruthy();
    expect(within(fields).getByText('Major')).toBeTruthy();

    const signatures = screen.getByRole('region', { name: 'Electronic signatures' });
    expect((await within(signatures).findByText(/^Approved by Dana Reyes,/)).textContent).toBe(
      'Approved by Dana Reyes, Mar 10, 2026, 2:03 PM',
    );
    const attachments = screen.getByRole('region', { name: 'Attachments' });
    expect(
      await within(attachments).findByRole('button', { name: /logger-cr2-2026-03-02.pdf/ }),
    ).toBeTruthy();
    const comments = screen.getByRole('region', { name: 'Comments' });
    expect(
      await within(comments).findByText('Please attach the logger print-out before I sign.'),
    ).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Audit trail' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '5 Whys' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Fishbone (Ishikawa)' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ id: record.id }));
  });

  it('keeps number, title, state and moves in its header, and navigates between its parts', async () => {
    const user = userEvent.setup();
    renderWithQms(<RecordDetail recordType="deviation" id={record.id} />, { actor: 'dana' });
    const header = (await screen.findByRole('heading', { level: 2 })).closest('header')!;
    expect(within(header).getByText('In final approval').dataset.kind).toBe('approval');
    expect(within(header).getByText(`Version ${record.version}`)).toBeTruthy();
    expect(within(header).getByRole('button', { name: 'Approve closure' })).toBeTruthy();

    const nav = within(header).getByRole('navigation', { name: 'Parts of this record' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Details',
      'Investigation',
      'Electronic signatures',
      'Attachments',
      'Comments',
      'Audit trail',
    ]);
    // Each link leads to a region of the page with that name.
    for (const link of links) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1))!;
      expect(within(target).getAllByRole('heading', { level: 3 })[0]!.textContent).toBe(link.textContent);
    }
    expect(links[0]!.getAttribute('aria-current')).toBe('location');

    const comments = within(nav).getByRole('link', { name: 'Comments' });
    comments.focus();
    await user.keyboard('{Enter}');
    expect(comments.getAttribute('aria-current')).toBe('location');
    expect(links[0]!.getAttribute('aria-current')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Comments', level: 3 }));
  });

  it('says when the record does not exist', async () => {
    renderWithQms(<RecordDetail recordType="deviation" id="01970000-0000-7000-8000-00000000beef" />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This record does not exist, or you may not see it.',
    );
  });

  it('posts a comment', async () => {
    const user = userEvent.setup();
    renderWithQms(<RecordDetail recordType="deviation" id={record.id} sections={['comments']} />, {
      actor: 'ines',
    });
    await user.type(await screen.findByLabelText('Add a comment'), 'Print-out attached.');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText('Print-out attached.')).toBeTruthy();
  });

  it('shows each record type’s own section', async () => {
    const { unmount } = renderWithQms(
      <RecordDetail recordType="capa" id={fixtureCapas.implementation.id} />,
      {
        actor: 'ines',
      },
    );
    expect(await screen.findByRole('region', { name: 'Tasks' })).toBeTruthy();
    unmount();

    const second = renderWithQms(<RecordDetail recordType="document" id={fixtureDocuments.effective.id} />);
    expect(await screen.findByRole('region', { name: 'Version and approvals' })).toBeTruthy();
    second.unmount();

    renderWithQms(<RecordDetail recordType="audit" id={fixtureAudits.in_progress.id} />, { actor: 'alex' });
    const findings = await screen.findByRole('region', { name: 'Findings' });
    await waitFor(() => expect(within(findings).getByText('2 open of 3')).toBeTruthy());
  });

  it('shows a finding’s audit, and opens it', async () => {
    const user = userEvent.setup();
    const onOpenRecord = vi.fn();
    const finding = fixtureFindings.open;
    renderWithQms(<RecordDetail recordType="finding" id={finding.id} onOpenRecord={onOpenRecord} />, {
      actor: 'alex',
    });
    const audit = await screen.findByRole('region', { name: 'Audit' });
    const parent = fixtureAudits.in_progress;
    await user.click(await within(audit).findByRole('button', { name: `${parent.number} ${parent.title}` }));
    expect(onOpenRecord).toHaveBeenCalledWith('audit', parent.id);
    expect(within(audit).getByText('In progress').dataset.kind).toBe('open');
  });

  it('merges a host’s views over the built-in ones, and shows a section only when its condition holds', async () => {
    const views: RecordViews = {
      deviation: {
        sections: [
          ...defaultRecordViews.deviation!.sections,
          { id: 'containment', label: 'host.containment', component: Containment },
          {
            id: 'closure',
            label: 'host.closure',
            component: Containment,
            when: ({ hasTag }) => hasTag('done'),
          },
        ],
      },
    };
    renderWithQms(<RecordDetail recordType="deviation" id={record.id} />, {
      views,
      messages: { 'host.containment': 'Containment' },
    });
    const containment = await screen.findByRole('region', { name: 'Containment' });
    expect(containment.textContent).toBe(`ContainmentContained: ${record.number}`);
    expect(screen.getByRole('region', { name: 'Investigation' })).toBeTruthy();
    // Not closed: the closure section stays away, from the page and from its navigation.
    expect(screen.queryByRole('region', { name: 'host.closure' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'host.closure' })).toBeNull();
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<RecordDetail recordType="deviation" id={record.id} />, {
      actor: 'dana',
    });
    await screen.findByRole('heading', { level: 2 });
    await screen.findByText(/^Approved by Dana Reyes,/);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
