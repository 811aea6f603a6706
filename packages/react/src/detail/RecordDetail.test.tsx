import {
  fixtureAudits,
  fixtureAuditTrail,
  fixtureCapas,
  fixtureDeviations,
  fixtureDocuments,
  fixtureFindings,
  fixtureUsers,
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
  it('shows the CAPAs a deviation links as links with their state, not as raw ids among the details', async () => {
    const capa = fixtureCapas.implementation;
    renderWithQms(<RecordDetail recordType="deviation" id={record.id} />, { actor: 'dana' });
    const links = await screen.findByRole('region', { name: 'Links' });
    const item = (await within(links).findByText(`${capa.number} ${capa.title}`)).closest('li')!;
    expect(item.textContent).toContain('Addressed by');
    expect(item.textContent).toContain('Implementation');
    const fields = screen.getByRole('region', { name: 'Details' });
    expect(fields.querySelector('[data-field="linkedCapaIds"]')).toBeNull();
    expect(fields.textContent).not.toContain(capa.id);
  });

  it('shows the record, its moves, signatures, attachments, comments and audit trail', async () => {
    const onEdit = vi.fn();
    renderWithQms(<RecordDetail recordType="deviation" id={record.id} onEdit={onEdit} />, { actor: 'dana' });
    const heading = await screen.findByRole('heading', { level: 2 });
    expect(heading.textContent).toBe(`${record.number} ${record.title}`);
    expect(screen.getByText('In final approval').dataset.kind).toBe('approval');
    // Dana is a QA approver who did not raise it: her move, signed.
    const approve = screen.getByRole('button', { name: 'Approve closure' });
    expect(approve.getAttribute('aria-disabled')).toBeNull();
    expect(approve.dataset.variant).toBe('primary');

    // Each value in the row of its own field.
    const fields = screen.getByRole('region', { name: 'Details' });
    const fieldOf = (value: string) =>
      within(fields).getByText(value).closest('[data-field]')?.getAttribute('data-field');
    expect(fieldOf('Warehouse, cold room 2')).toBe('area');
    expect(fieldOf('Major')).toBe('severity');

    const signatures = screen.getByRole('region', { name: 'Electronic signatures' });
    expect((await within(signatures).findByText(/^Approved by Dana Reyes,/)).textContent).toBe(
      'Approved by Dana Reyes, Mar 10, 2026, 2:03 PM',
    );
    const attachments = screen.getByRole('region', { name: 'Attachments' });
    const attachment = await within(attachments).findByRole('button', {
      name: 'Download: logger-cr2-2026-03-02.pdf',
    });
    expect(attachment.closest('li')!.textContent).toMatch(
      /^logger-cr2-2026-03-02\.pdf · .+ · Ines Kowalski, /,
    );
    const comments = screen.getByRole('region', { name: 'Comments' });
    const thread = await within(comments).findAllByRole('listitem');
    expect(thread.map((comment) => comment.querySelector('strong')?.textContent)).toEqual([
      fixtureUsers.dana.displayName,
      fixtureUsers.ines.displayName,
    ]);
    expect(thread[0]!.textContent).toContain('Please attach the logger print-out before I sign.');
    const trail = screen.getByRole('region', { name: 'Audit trail' });
    expect(await within(trail).findAllByRole('listitem')).toHaveLength(fixtureAuditTrail.length);
    const whys = screen.getByRole('region', { name: '5 Whys' });
    expect(within(whys).getAllByRole('listitem')).toHaveLength(record.investigation!.fiveWhys!.length);
    const fishbone = screen.getByRole('region', { name: 'Fishbone (Ishikawa)' });
    expect(within(fishbone).getByRole('group', { name: 'Machine' }).textContent).toContain(
      'Compressor start relay worn out (Root cause)',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ id: record.id }));
  });

  it('keeps number, title, state and moves in its header, and navigates between its parts', async () => {
    const user = userEvent.setup();
    renderWithQms(<RecordDetail recordType="deviation" id={record.id} />, { actor: 'dana' });
    const header = (await screen.findByRole('heading', { level: 2 })).closest('header')!;
    expect(within(header).getByText('In final approval').dataset.kind).toBe('approval');
    expect(within(header).getByText(/^Version /).textContent).toBe(`Version ${record.version}`);
    expect(
      within(within(header).getByRole('list', { name: 'Lifecycle actions' }))
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Approve closure', 'Reject closure', 'Request cancellation']);

    const nav = within(header).getByRole('navigation', { name: 'Parts of this record' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Details',
      'Investigation',
      'Links',
      'Traceability',
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
    // Added last, under Ines's name, and the box is empty again.
    const thread = screen.getByRole('region', { name: 'Comments' });
    await waitFor(() => expect(within(thread).getAllByRole('listitem')).toHaveLength(3));
    const posted = within(thread).getAllByRole('listitem').at(-1)!;
    expect(posted.querySelector('strong')?.textContent).toBe(fixtureUsers.ines.displayName);
    expect(posted.textContent).toContain('Print-out attached.');
    expect((screen.getByLabelText('Add a comment') as HTMLTextAreaElement).value).toBe('');
  });

  it('shows each record type’s own section', async () => {
    const { unmount } = renderWithQms(
      <RecordDetail recordType="capa" id={fixtureCapas.implementation.id} />,
      {
        actor: 'ines',
      },
    );
    const tasks = await screen.findByRole('region', { name: 'Tasks' });
    expect(within(tasks).getByText(/ done$/).textContent).toBe('1 of 3 done');
    unmount();

    const second = renderWithQms(<RecordDetail recordType="document" id={fixtureDocuments.effective.id} />);
    const version = await screen.findByRole('region', { name: 'Version and approvals' });
    expect(within(version).getAllByRole('definition')[0]!.textContent).toBe(
      `${fixtureDocuments.effective.versionLabel} Effective`,
    );
    second.unmount();

    renderWithQms(<RecordDetail recordType="audit" id={fixtureAudits.in_progress.id} />, { actor: 'alex' });
    const findings = await screen.findByRole('region', { name: 'Findings' });
    expect((await within(findings).findByText(/ open of /)).textContent).toBe('2 open of 3');
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
    // The host's section after the built-in ones, in the page's navigation too.
    const nav = screen.getByRole('navigation', { name: 'Parts of this record' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Details',
      'Investigation',
      'Containment',
      'Links',
      'Traceability',
      'Electronic signatures',
      'Attachments',
      'Comments',
      'Audit trail',
    ]);
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
