import { createFakeQmsServer, fixtureUsers, generateDeviations } from '@masetra/fixtures';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { RecordTable } from './RecordTable';

function serverWith(count: number) {
  return createFakeQmsServer({ records: generateDeviations(count), actorId: fixtureUsers.dana.id });
}

const bodyRows = () => screen.getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');
/** The text of a row's cell in a column. */
const cellOf = (row: HTMLElement, column: string) =>
  row.querySelector(`[role="cell"][data-column="${column}"]`)?.textContent;
const listRequests = (server: ReturnType<typeof serverWith>) =>
  server.requests.filter((request) => request.method === 'GET' && request.path === '/deviations');

describe('RecordTable', () => {
  it('pages through the client with the server’s cursor', async () => {
    const server = serverWith(5);
    renderWithQms(<RecordTable recordType="deviation" pageSize={2} />, { server });

    await waitFor(() => expect(bodyRows()).toHaveLength(5));
    const cursors = listRequests(server).map((request) => request.url.searchParams.get('cursor'));
    expect(cursors).toEqual([null, '2', '4']);
    expect(listRequests(server)[0]!.url.searchParams.get('limit')).toBe('2');
    expect(screen.getByRole('status').textContent).toBe('5 shown');
  });

  it('sorts on the server when a column header is pressed', async () => {
    const user = userEvent.setup();
    const server = serverWith(6);
    renderWithQms(<RecordTable recordType="deviation" />, { server });
    await waitFor(() => expect(bodyRows()).toHaveLength(6));
    expect(listRequests(server)[0]!.url.searchParams.get('sort')).toBe('-createdAt');

    await user.click(screen.getByRole('button', { name: /^Title/ }));
    await waitFor(() => expect(listRequests(server).at(-1)!.url.searchParams.get('sort')).toBe('title'));
    await waitFor(() => expect(cellOf(bodyRows()[0]!, 'title')).toBe('Label misprint #2'));
    expect(screen.getByRole('columnheader', { name: /Title/ }).getAttribute('aria-sort')).toBe('ascending');

    await user.click(screen.getByRole('button', { name: /^Title/ }));
    await waitFor(() => expect(listRequests(server).at(-1)!.url.searchParams.get('sort')).toBe('-title'));
    await waitFor(() => expect(cellOf(bodyRows()[0]!, 'title')).toBe('Temperature excursion #1'));
    expect(screen.getByRole('columnheader', { name: /Title/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('filters on the server', async () => {
    const user = userEvent.setup();
    const server = serverWith(9);
    renderWithQms(<RecordTable recordType="deviation" />, { server });
    await waitFor(() => expect(bodyRows()).toHaveLength(9));

    await user.selectOptions(screen.getByLabelText('Severity'), 'critical');
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(listRequests(server).at(-1)!.url.searchParams.get('severity')).toBe('critical');
  });

  it('moves between rows with the keyboard and opens one with Enter', async () => {
    const user = userEvent.setup();
    const onOpenRecord = vi.fn();
    renderWithQms(<RecordTable recordType="deviation" onOpenRecord={onOpenRecord} />, {
      server: serverWith(4),
    });
    await waitFor(() => expect(bodyRows()).toHaveLength(4));

    bodyRows()[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(bodyRows()[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(bodyRows()[3]);
    await user.keyboard('{Enter}');
    expect(onOpenRecord).toHaveBeenCalledWith(expect.objectContaining({ number: expect.any(String) }));
    const opened = onOpenRecord.mock.calls[0]![0] as { title: string };
    expect(bodyRows()[3]!.textContent).toContain(opened.title);
  });

  it('renders thousands of records without rendering every row', async () => {
    renderWithQms(<RecordTable recordType="deviation" pageSize={200} height={440} />, {
      server: serverWith(10_000),
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/shown, more available/));
    expect(bodyRows().length).toBeLessThan(40);
  });

  it('shows the empty and the error state', async () => {
    const { unmount } = renderWithQms(<RecordTable recordType="deviation" />, { server: serverWith(0) });
    await screen.findByText('No records match.');
    expect(bodyRows()).toEqual([]);
    unmount();

    const user = userEvent.setup();
    const failing = createFakeQmsServer({ failWith: { status: 503, detail: 'Maintenance window.' } });
    renderWithQms(<RecordTable recordType="deviation" />, { server: failing });
    expect((await screen.findByRole('alert')).textContent).toContain('The list could not be loaded.');
    // Trying again asks the server again.
    const asked = listRequests(failing).length;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(listRequests(failing).length).toBeGreaterThan(asked));
  });

  it('offers a choice of columns', async () => {
    const user = userEvent.setup();
    renderWithQms(<RecordTable recordType="deviation" />, { server: serverWith(2) });
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    const headers = () => screen.getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers()).toContain('Area');
    expect(headers()).not.toContain('Occurred at');

    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Area' }));
    expect(screen.queryByRole('columnheader', { name: 'Area' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Occurred at' }));
    expect(headers()).toContain('Occurred at');
    expect(headers()).not.toContain('Area');
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<RecordTable recordType="deviation" />, { server: serverWith(3) });
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(await seriousViolations(container)).toEqual([]);
  });
});
