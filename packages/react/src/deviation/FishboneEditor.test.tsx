import { fixtureDeviations } from '@masetra/fixtures';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { de } from '../i18n/de';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { type FishboneCause, FishboneEditor } from './FishboneEditor';

const causes = fixtureDeviations.in_final_approval.investigation!.fishbone!;

function Controlled({ initial }: { initial: FishboneCause[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <FishboneEditor value={value} onChange={setValue} effect="Temperature excursion" />
      <output>{JSON.stringify(value)}</output>
    </>
  );
}

describe('FishboneEditor', () => {
  it('groups causes by the 6M categories and marks root causes', () => {
    renderWithQms(<FishboneEditor value={causes} effect="Temperature excursion" />);
    const groups = screen.getAllByRole('group').map((group) => group.querySelector('legend')?.textContent);
    expect(groups).toEqual(['Man (people)', 'Machine', 'Method', 'Material', 'Measurement', 'Environment']);
    const machine = screen.getByRole('group', { name: 'Machine' });
    expect(machine.textContent).toContain('Compressor start relay worn out (Root cause)');
    // A category without causes says so, and lists nothing.
    expect(screen.getByRole('group', { name: 'Material' }).textContent).toBe('MaterialNo causes.');
  });

  it('adds a cause to a category and marks it a root cause', async () => {
    const user = userEvent.setup();
    renderWithQms(<Controlled initial={[]} />);
    await user.click(screen.getByRole('button', { name: 'Add a cause: Material' }));
    fireEvent.change(screen.getByLabelText('Cause'), { target: { value: 'Relay from an unqualified lot' } });
    await user.click(screen.getByRole('checkbox', { name: 'Root cause' }));
    expect(JSON.parse(screen.getByRole('status').textContent!)).toEqual([
      { category: 'material', cause: 'Relay from an unqualified lot', isRootCause: true },
    ]);
  });

  it('names the categories in German', () => {
    renderWithQms(<FishboneEditor value={causes} />, { messages: de, locale: 'de' });
    const groups = screen.getAllByRole('group').map((group) => group.querySelector('legend')?.textContent);
    expect(groups).toEqual(['Mensch', 'Maschine', 'Methode', 'Material', 'Messung', 'Mitwelt']);
    expect(screen.getByRole('heading').textContent).toBe('Fischgräten-Diagramm (Ishikawa)');
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<Controlled initial={causes} />);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
