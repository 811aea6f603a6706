import { fixtureDeviations } from '@masetra/fixtures';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { FiveWhyEditor, type FiveWhyStep } from './FiveWhyEditor';

const chain = fixtureDeviations.in_final_approval.investigation!.fiveWhys!;

function Controlled({ initial }: { initial: FiveWhyStep[] }) {
  const [steps, setSteps] = useState(initial);
  return (
    <>
      <FiveWhyEditor value={steps} onChange={setSteps} />
      <output>{JSON.stringify(steps)}</output>
    </>
  );
}

describe('FiveWhyEditor', () => {
  it('shows a chain read-only without onChange', () => {
    renderWithQms(<FiveWhyEditor value={chain} />);
    const steps = screen.getAllByRole('listitem');
    expect(steps).toHaveLength(5);
    const third = steps[2]!;
    expect(
      within(third)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Why? (3)', 'Because (3)']);
    expect(
      within(third)
        .getAllByRole('definition')
        .map((definition) => definition.textContent),
    ).toEqual(['Why did the relay fail?', 'It had exceeded its rated switching cycles.']);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('adds, edits and removes steps', async () => {
    const user = userEvent.setup();
    renderWithQms(<Controlled initial={chain.slice(0, 1)} />);
    await user.click(screen.getByRole('button', { name: 'Add a why' }));
    fireEvent.change(screen.getByLabelText('Why? (2)'), {
      target: { value: 'Why did the compressor stop?' },
    });
    fireEvent.change(screen.getByLabelText('Because (2)'), { target: { value: 'Its relay failed.' } });
    await user.click(screen.getByRole('button', { name: 'Remove step 1' }));
    expect(JSON.parse(screen.getByRole('status').textContent!)).toEqual([
      { why: 'Why did the compressor stop?', because: 'Its relay failed.' },
    ]);
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<Controlled initial={chain} />);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
