// Structured changes in the audit trail (CAPA tasks, signatures, host links, 5 Whys, fishbone,
// attachments) read as labelled parts and lists, with what changed marked: never as JSON.
import { fixtureUsers } from '@masetra/fixtures';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { de } from '../i18n/de';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { AuditTrailTimeline } from './AuditTrailTimeline';
import {
  attached,
  entry,
  investigated,
  signed,
  signingFailed,
  structuredEntries,
  task,
  tasksChanged,
} from './structuredEntries';

const { ines } = fixtureUsers;

/** The cell of `field` before or after the change, in the change table of the entry at `index`. */
function cell(index: number, field: string, side: 'Before' | 'After' | 'Vorher' | 'Nachher') {
  const entries = screen
    .getAllByRole('listitem')
    .filter((item) => item.parentElement?.tagName === 'OL' && item.dataset.action);
  const row = within(entries[index]!).getByRole('rowheader', { name: field }).closest('tr')!;
  const cells = within(row).getAllByRole('cell');
  return cells[side === 'Before' || side === 'Vorher' ? 0 : 1]!;
}

/** A labelled part of a structured value: the text of the `<dd>` after the `<dt>` named `label`. */
function part(container: HTMLElement, label: string) {
  const term = within(container).getAllByText(label, { selector: 'dt' })[0]!;
  return term.nextElementSibling as HTMLElement;
}

describe('AuditTrailTimeline: structured changes', () => {
  it('shows no JSON anywhere', () => {
    const { container } = renderWithQms(<AuditTrailTimeline entries={structuredEntries} verify={false} />);
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/[{[]"|":|"\}/);
    expect(text).not.toContain('[object Object]');
  });

  it('lists CAPA tasks with their owner, due date and done mark, and marks the one that changed', () => {
    renderWithQms(<AuditTrailTimeline entries={[tasksChanged]} verify={false} />);
    const after = cell(0, 'Tasks', 'After');
    const items = within(after).getAllByRole('listitem');
    expect(items).toHaveLength(2);

    const [changed, unchanged] = items as [HTMLElement, HTMLElement];
    expect(part(changed, 'Title').textContent).toBe('Update training module');
    expect(part(changed, 'Owner').textContent).toBe(ines.displayName);
    expect(part(changed, 'Due').textContent).toBe('Mar 20, 2026, 4:00 PM');
    expect(within(part(changed, 'Due')).getByText('Mar 20, 2026, 4:00 PM').tagName).toBe('TIME');
    // Only what changed in the task is marked: done, and when.
    expect(part(changed, 'Done').querySelector('ins')?.textContent).toBe('Yes');
    expect(part(changed, 'Done on').querySelector('ins')?.textContent).toBe('Mar 18, 2026, 9:30 AM');
    expect(part(changed, 'Title').querySelector('ins')).toBeNull();
    // The task the same before and after is there, unmarked and quiet.
    expect(unchanged.className).toBe('masetra-audit-trail__same');
    expect(unchanged.querySelector('ins, del')).toBeNull();

    const before = cell(0, 'Tasks', 'Before');
    expect(part(within(before).getAllByRole('listitem')[0]!, 'Done').querySelector('del')?.textContent).toBe(
      'No',
    );
  });

  it('shows a signature as its manifestation: meaning, printed name, record version and content hash', () => {
    renderWithQms(<AuditTrailTimeline entries={[signed, signingFailed]} verify={false} />);
    const signature = cell(0, 'Signature', 'After');
    // As a manifestation reads: meaning and name first, the identifiers that prove it last.
    expect(
      within(signature)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Meaning', 'Printed name', 'Record version', 'Content hash (SHA-256)', 'Signature ID']);
    expect(part(signature, 'Meaning').textContent).toBe('Approval');
    expect(part(signature, 'Printed name').textContent).toBe('Dana Reyes');
    expect(part(signature, 'Record version').textContent).toBe('3');
    const hash = part(signature, 'Content hash (SHA-256)');
    expect(hash.querySelector('code')?.textContent).toBe(
      'b48c61d7c92f2c71505aead0ace72607bcf563e4f24e4cff80f6756a343f4853',
    );
    expect(within(cell(0, 'Signature', 'Before')).queryByRole('term')).toBeNull();
    expect(cell(0, 'Signature', 'Before').textContent).toBe('—');

    const failed = cell(1, 'Signature', 'After');
    expect(part(failed, 'Step').textContent).toBe('Approve');
    expect(part(failed, 'Outcome').textContent).toBe(
      'The user name or password is not correct. Nothing was signed.',
    );
  });

  it('shows host links, the 5 Whys, the fishbone and an attachment as labelled parts', () => {
    renderWithQms(<AuditTrailTimeline entries={[investigated, attached]} verify={false} />);
    const links = cell(0, 'Linked objects', 'After');
    const [link] = within(links).getAllByRole('listitem');
    expect(
      ['System', 'Kind', 'ID', 'Label'].map((label) => `${label}: ${part(link!, label).textContent}`),
    ).toEqual(['System: LIMS', 'Kind: batch', 'ID: B-2026-0142', 'Label: Batch 0142']);
    expect(cell(0, 'Linked objects', 'Before').textContent).toBe('—');

    const investigation = cell(0, 'Investigation', 'After');
    const [why] = within(part(investigation, '5 Whys')).getAllByRole('listitem');
    expect(part(why!, 'Why?').textContent).toBe('Why did the room warm up?');
    expect(part(why!, 'Because').textContent).toBe('The door stayed open.');
    const [cause] = within(part(investigation, 'Fishbone')).getAllByRole('listitem');
    expect(part(cause!, 'Category').textContent).toBe('Machine');
    expect(part(cause!, 'Root cause').textContent).toBe('Yes');

    const file = cell(1, 'Attachments', 'After');
    expect(part(file, 'File').textContent).toBe('logger-cr2.pdf');
    expect(part(file, 'Size').textContent).toBe('248 kB');
    expect(part(file, 'SHA-256').querySelector('code')?.textContent).toBe('ab'.repeat(32));
  });

  it('names the record type of a created record, and shows a task’s identifier after what it says', () => {
    const created = entry({
      action: 'create',
      recordType: 'capa',
      changes: [
        { field: 'type', old: null, new: 'capa' },
        { field: 'tasks', old: null, new: [task('task-1', 'Replace door seals', false)] },
      ],
    });
    renderWithQms(<AuditTrailTimeline entries={[created]} verify={false} />);
    expect(cell(0, 'Record type', 'After').textContent).toBe('CAPA');
    const [added] = within(cell(0, 'Tasks', 'After')).getAllByRole('listitem');
    expect(
      within(added!)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Title', 'Owner', 'Due', 'Done', 'ID']);
    // A task that was not there before is added whole.
    expect(added!.firstElementChild?.tagName).toBe('INS');
  });

  it('speaks German', () => {
    renderWithQms(<AuditTrailTimeline entries={[tasksChanged, signed]} verify={false} />, {
      messages: de,
      locale: 'de-DE',
    });
    const task = within(cell(0, 'Aufgaben', 'Nachher')).getAllByRole('listitem')[0]!;
    expect(part(task, 'Erledigt').textContent).toBe('Ja');
    expect(part(task, 'Fällig').textContent).toBe('20.03.2026, 16:00');
    expect(part(cell(1, 'Signatur', 'Nachher'), 'Bedeutung').textContent).toBe('Freigabe');
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<AuditTrailTimeline entries={structuredEntries} verify={false} />);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
