import { fixtureCapas, fixtureDeviations, fixtureDocuments, hostRegistry } from '@masetra/fixtures';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { de } from '../i18n/de';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { Traceability } from './Traceability';

const deviation = fixtureDeviations.in_final_approval;
const capa = fixtureCapas.implementation;
const document = fixtureDocuments.approved;
const earlier = fixtureDeviations.closed;

/** An item's own line: its kind and record, without the steps nested below it. */
const lineOf = (item: HTMLElement) =>
  [...item.childNodes]
    .filter((node) => !(node instanceof HTMLUListElement))
    .map((node) => node.textContent)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

describe('Traceability', () => {
  it("draws a deviation's chain: its CAPA, the document the CAPA changes, a recurrence and the batch", async () => {
    const user = userEvent.setup();
    const onOpenRecord = vi.fn();
    const { container } = renderWithQms(
      <Traceability recordType="deviation" id={deviation.id} onOpenRecord={onOpenRecord} />,
      { registry: hostRegistry },
    );
    const region = screen.getByRole('region', { name: 'Traceability' });
    const capaButton = await within(region).findByRole('button', { name: `${capa.number} ${capa.title}` });
    const capaItem = capaButton.closest('li')!;
    expect(lineOf(capaItem)).toMatch(new RegExp(`^Addressed by CAPA ${capa.number} .*Implementation$`));
    // The document hangs under the CAPA that changes it.
    const documentItem = within(capaItem)
      .getByRole('button', { name: new RegExp(`^${document.number} `) })
      .closest('li')!;
    expect(lineOf(documentItem)).toMatch(/^Changes Document /);
    expect(documentItem.parentElement?.closest('li')).toBe(capaItem);
    const recurrence = within(region)
      .getByRole('button', { name: new RegExp(`^${earlier.number} `) })
      .closest('li')!;
    expect(lineOf(recurrence)).toMatch(/^Recurrence of Deviation .*Closed$/);
    // The batch is a link into the host's MES, labelled as the host declared its kind.
    const batch = within(region).getByRole('link', { name: 'Batch 24-117' });
    expect(batch.getAttribute('href')).toBe('https://mes.example.com/batches/24-117');
    // The traced record is the root, not a button to itself.
    expect(
      within(region).getByText(`${deviation.number} ${deviation.title}`).getAttribute('aria-current'),
    ).toBe('true');

    await user.click(capaButton);
    expect(onOpenRecord).toHaveBeenCalledWith('capa', capa.id);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('traces from the document back to the deviations, in German', async () => {
    renderWithQms(<Traceability recordType="document" id={document.id} />, { messages: de, locale: 'de' });
    const region = screen.getByRole('region', { name: 'Rückverfolgbarkeit' });
    expect(await within(region).findByText(`${capa.number} ${capa.title}`)).toBeTruthy();
    expect(within(region).getByText('Geändert durch')).toBeTruthy();
    expect(within(region).getAllByText('Behebt')).toHaveLength(2);
  });

  it('says when nothing is linked', async () => {
    renderWithQms(<Traceability recordType="deviation" id={fixtureDeviations.draft.id} />);
    expect(await screen.findByText('Nothing is linked to this record yet.')).toBeTruthy();
  });
});
