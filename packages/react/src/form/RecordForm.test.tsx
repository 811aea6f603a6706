import { fixtureDeviations, fixtureDocuments, fixtureFindings } from '@masetra/fixtures';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { RecordForm } from './RecordForm';

const errorOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((element) => element?.id.endsWith('-error'))?.textContent;

describe('RecordForm', () => {
  it('is generated from the record type’s fields', () => {
    renderWithQms(<RecordForm recordType="deviation" />);
    expect(screen.getByRole('heading').textContent).toBe('New Deviation');
    expect((screen.getByLabelText(/^Title/) as HTMLInputElement).type).toBe('text');
    expect(screen.getByLabelText('Description').tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText('Severity').tagName).toBe('SELECT');
    expect((screen.getByLabelText('Occurred at') as HTMLInputElement).type).toBe('datetime-local');
    expect((screen.getByLabelText('CAPA required') as HTMLInputElement).type).toBe('checkbox');
    // Structured fields (investigation, host references) have editors of their own.
    expect(screen.queryByLabelText('Investigation')).toBeNull();
    expect(screen.queryByLabelText('Linked objects')).toBeNull();
  });

  it('checks locally before sending anything', async () => {
    const user = userEvent.setup();
    const { server } = renderWithQms(<RecordForm recordType="deviation" />);
    await user.click(screen.getByRole('button', { name: 'Create' }));
    const title = screen.getByLabelText(/^Title/);
    expect(errorOf(title)).toBe('Required.');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(server.requests).toHaveLength(0);
  });

  it('creates a draft', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const { server } = renderWithQms(<RecordForm recordType="deviation" onSaved={onSaved} />, {
      actor: 'oliver',
    });
    await user.type(screen.getByLabelText(/^Title/), 'Label printer misprint');
    await user.selectOptions(screen.getByLabelText('Severity'), 'minor');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(onSaved.mock.calls[0]![0]).toMatchObject({ state: 'draft', title: 'Label printer misprint' });
    expect(server.requests.at(-1)!.body).toEqual({
      title: 'Label printer misprint',
      severity: 'minor',
    });
  });

  it('leaves the fields links own (linked CAPAs, earlier occurrences) to the Links section, even when named', () => {
    const { unmount } = renderWithQms(<RecordForm recordType="deviation" />);
    expect(screen.queryByLabelText('Linked CAPAs')).toBeNull();
    expect(screen.queryByLabelText('Earlier occurrences')).toBeNull();
    unmount();
    renderWithQms(
      <RecordForm
        recordType="finding"
        record={fixtureFindings.response_submitted}
        fields={['response', 'linkedCapaIds', 'rationale']}
      />,
    );
    expect(screen.getByLabelText('Response')).toBeTruthy();
    expect(screen.queryByLabelText('Linked CAPAs')).toBeNull();
  });

  it('asks a reason for a change past draft, and shows the server’s errors beside their fields', async () => {
    const user = userEvent.setup();
    const { server } = renderWithQms(
      <RecordForm recordType="document" record={fixtureDocuments.in_review} />,
      {
        actor: 'dora',
      },
    );
    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'SOP-WH-012 Cold chain');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(errorOf(screen.getByLabelText(/^Reason for the change/))).toBe('Enter a reason.');
    expect(server.requests).toHaveLength(0);

    await user.type(screen.getByLabelText(/^Reason for the change/), 'Shorter title.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(errorOf(screen.getByLabelText('Title'))).toBe(
        'Request changes to edit the document under review.',
      ),
    );
    expect(screen.getByRole('alert').textContent).toContain('The change breaks a rule of this record type.');
    const request = server.requests.at(-1)!;
    expect(request.body).toEqual({ changes: { title: 'SOP-WH-012 Cold chain' }, reason: 'Shorter title.' });
    expect(request.headers.get('if-match')).toBe(`"${fixtureDocuments.in_review.version}"`);
  });

  it('maps problem+json pointers to fields', async () => {
    const user = userEvent.setup();
    renderWithQms(<RecordForm recordType="deviation" record={fixtureDeviations.in_assessment} />, {
      actor: 'oliver',
      serverOptions: {
        failWith: {
          status: 422,
          detail: 'The changed record would be invalid.',
          errors: [
            { pointer: '/changes/area', detail: 'Not a known location.' },
            { pointer: '/reason', detail: 'Say what was wrong before.' },
            { pointer: '/changes/hostRefs/0/id', detail: 'No such batch.' },
          ],
          match: (request) => request.method === 'PATCH',
        },
      },
    });
    await user.type(screen.getByLabelText('Area'), ' (north)');
    await user.type(screen.getByLabelText(/^Reason for the change/), 'More precise.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(errorOf(screen.getByLabelText('Area'))).toBe('Not a known location.'));
    expect(errorOf(screen.getByLabelText(/^Reason for the change/))).toBe('Say what was wrong before.');
    // A pointer into a field the form does not show is listed in the summary.
    const summary = screen.getByRole('alert').textContent;
    expect(summary).toContain('The changed record would be invalid.');
    expect(summary).toContain('Linked objects: No such batch.');
  });

  it('has no serious accessibility violations', async () => {
    const user = userEvent.setup();
    const { container } = renderWithQms(<RecordForm recordType="capa" onCancel={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await seriousViolations(container)).toEqual([]);
  });
});
