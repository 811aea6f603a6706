import { FIXTURE_NOW, fixtureCapas } from '@masetra/fixtures';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { de } from '../i18n/de';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { MyCapaTasks } from './MyCapaTasks';

const serverOptions = { now: () => new Date(FIXTURE_NOW) };

describe('MyCapaTasks', () => {
  it("lists the user's open tasks across CAPAs, soonest due first, overdue said in words", async () => {
    const user = userEvent.setup();
    const onOpenCapa = vi.fn();
    const { server, container } = renderWithQms(<MyCapaTasks onOpenCapa={onOpenCapa} />, {
      actor: 'ines',
      serverOptions,
    });
    const region = screen.getByRole('region', { name: 'My CAPA tasks' });
    const items = await within(region).findAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.masetra-my-capa-tasks__taskTitle')?.textContent)).toEqual(
      [
        'Replace the compressor relays of cold rooms 1–3',
        'Restore the 6-month maintenance interval in the CMMS',
        'Restore the 6-month maintenance interval in the CMMS',
      ],
    );
    // Done tasks, and the tasks of finished CAPAs, are not listed; every listed one is past due at the fixture's now.
    expect(items.every((item) => within(item).queryByText('Overdue') !== null)).toBe(true);
    expect(items[0]!.getAttribute('data-overdue')).toBe('true');
    const plan = fixtureCapas.plan_approval;
    await user.click(within(items[0]!).getByRole('button', { name: `${plan.number} ${plan.title}` }));
    expect(onOpenCapa).toHaveBeenCalledWith(plan.id);
    expect(server.requests.map((request) => request.path)).toContain('/capa-tasks/mine');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('shows another owner only their own tasks, not overdue ones as overdue', async () => {
    renderWithQms(<MyCapaTasks />, { actor: 'rita', serverOptions });
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(within(item).getByText('Train the night shift on alarm escalation')).toBeTruthy();
      expect(within(item).queryByText('Overdue')).toBeNull();
    }
  });

  it('says so when there is nothing to do, in German too', async () => {
    renderWithQms(<MyCapaTasks />, { actor: 'oliver', serverOptions, messages: de, locale: 'de' });
    expect(await screen.findByText('Sie haben keine offenen CAPA-Aufgaben.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Meine CAPA-Aufgaben' })).toBeTruthy();
  });
});
