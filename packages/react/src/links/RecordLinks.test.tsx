import { fixtureCapas, fixtureDeviations, hostRegistry } from '@masetra/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { RecordLinks } from './RecordLinks';

const deviation = fixtureDeviations.in_investigation;
const capa = fixtureCapas.implementation;
const capaName = `${capa.number} ${capa.title}`;

describe('RecordLinks', () => {
  it('finds a CAPA by number with the keyboard, links it, and removes the link with a reason', async () => {
    const user = userEvent.setup();
    const onOpenRecord = vi.fn();
    const { server, container } = renderWithQms(
      <RecordLinks recordType="deviation" id={deviation.id} onOpenRecord={onOpenRecord} />,
      { actor: 'oliver' },
    );
    expect(await screen.findByText('No links yet.')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Kind of link' }) as HTMLSelectElement).value).toBe(
      'addressed_by.outgoing',
    );
    const link = screen.getByRole('button', { name: 'Link' }) as HTMLButtonElement;
    expect(link.disabled).toBe(true);

    const picker = screen.getByRole('combobox', { name: 'Record' });
    await user.type(picker, capa.number);
    const option = await screen.findByRole('option', { name: new RegExp(`^${capa.number} `) });
    expect(picker.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(picker.getAttribute('aria-activedescendant')).toBe(option.id);
    await user.keyboard('{Enter}');
    expect(picker.getAttribute('aria-expanded')).toBe('false');
    expect((picker as HTMLInputElement).value).toBe(capaName);
    await waitFor(() => expect(link.disabled).toBe(false));
    await user.click(link);

    // The link itself, not one of the earlier deviations offered as recurrences.
    const item = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('li[data-link-kind]');
      if (!found) throw new Error('not linked yet');
      return found;
    });
    expect(within(item).getByText('Addressed by')).toBeTruthy();
    await user.click(within(item).getByRole('button', { name: capaName }));
    expect(onOpenRecord).toHaveBeenCalledWith('capa', capa.id);
    const added = server.requests.find((request) => request.method === 'POST');
    expect(added?.path).toBe(`/deviations/${deviation.id}/links`);
    expect(added?.body).toEqual({ kind: 'addressed_by', to: { type: 'capa', id: capa.id } });
    expect(
      server.auditTrail.filter((entry) => entry.action === 'link').map((entry) => entry.recordId),
    ).toEqual([deviation.id, capa.id]);
    expect(await seriousViolations(container)).toEqual([]);

    // Removing asks why, and sends the reason.
    await user.click(screen.getByRole('button', { name: `Remove link to ${capaName}` }));
    const confirm = screen.getByRole('button', { name: 'Remove link' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.type(
      screen.getByLabelText('Why is this link removed?'),
      'Raised against the wrong deviation.',
    );
    await user.click(confirm);
    expect(await screen.findByText('No links yet.')).toBeTruthy();
    const removed = server.requests.find((request) => request.method === 'DELETE');
    expect(removed?.body).toEqual({ reason: 'Raised against the wrong deviation.' });
    expect(server.auditTrail.at(-1)).toMatchObject({
      action: 'unlink',
      reason: 'Raised against the wrong deviation.',
    });
  });

  it('closes the list with Escape and shows when nothing matches', async () => {
    const user = userEvent.setup();
    renderWithQms(<RecordLinks recordType="deviation" id={deviation.id} />, { actor: 'oliver' });
    const picker = await screen.findByRole('combobox', { name: 'Record' });
    await user.type(picker, 'no such record anywhere');
    expect(await screen.findByText('No matching records.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(picker.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows a refused link as the server explains it', async () => {
    const user = userEvent.setup();
    renderWithQms(<RecordLinks recordType="deviation" id={deviation.id} />, {
      actor: 'oliver',
      serverOptions: {
        failWith: {
          status: 422,
          code: 'link_target_not_found',
          detail: 'No capa with that id.',
          match: (request) => request.method === 'POST',
        },
      },
    });
    const picker = await screen.findByRole('combobox', { name: 'Record' });
    await user.type(picker, capa.number);
    await screen.findByRole('option', { name: new RegExp(`^${capa.number} `) });
    await user.keyboard('{ArrowDown}{Enter}');
    await user.click(screen.getByRole('button', { name: 'Link' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No capa with that id.');
    expect(screen.getByText('No links yet.')).toBeTruthy();
  });

  it("shows a host object as a link into the host's application, labelled as the host declared its kind", async () => {
    renderWithQms(<RecordLinks recordType="deviation" id={fixtureDeviations.in_final_approval.id} />, {
      registry: hostRegistry,
    });
    const batch = await screen.findByRole('link', { name: 'Batch 24-117' });
    expect(batch.getAttribute('href')).toBe('https://mes.example.com/batches/24-117');
    expect(batch.closest('li')?.getAttribute('data-link-kind')).toBe('concerns');
  });

  it('shows an undeclared host object as text, by its own label', async () => {
    renderWithQms(<RecordLinks recordType="deviation" id={fixtureDeviations.in_final_approval.id} />);
    expect(await screen.findByText('Batch 24-117')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Batch 24-117' })).toBeNull();
  });

  it('offers earlier deviations of the same area as recurrences, and links the one chosen', async () => {
    const user = userEvent.setup();
    const { server, container } = renderWithQms(<RecordLinks recordType="deviation" id={deviation.id} />, {
      actor: 'oliver',
    });
    const similar = await screen.findByRole('region', { name: 'Earlier records like this one' });
    expect(
      within(similar).getByText(
        'Earlier records with the same Area. If this is a recurrence of one of them, link it.',
      ),
    ).toBeDefined();
    // Earlier than this one, newest first; the later ones of the same area are not offered.
    const offered = within(similar)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('strong')?.textContent?.split(' ')[0]);
    expect(offered).toEqual([
      fixtureDeviations.in_final_approval.number,
      fixtureDeviations.cancelled.number,
      fixtureDeviations.closed.number,
    ]);
    const closed = fixtureDeviations.closed;
    await user.click(
      within(similar).getByRole('button', {
        name: `Link: Recurrence of, ${closed.number} ${closed.title}`,
      }),
    );
    expect(server.requests.find((request) => request.method === 'POST')?.body).toEqual({
      kind: 'recurrence_of',
      to: { type: 'deviation', id: closed.id },
    });
    // Linked, it is listed among the links and no longer offered.
    await waitFor(() =>
      expect(container.querySelector('li[data-link-kind="recurrence_of"]')?.textContent).toContain(
        closed.number,
      ),
    );
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Earlier records like this one' }))
          .getAllByRole('listitem')
          .map((item) => item.textContent)
          .join(' '),
      ).not.toContain(closed.number),
    );
  });
});
