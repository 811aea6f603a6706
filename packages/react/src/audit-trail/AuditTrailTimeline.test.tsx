import { fixtureAuditTrail, fixtureDeviations } from '@masetra/fixtures';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { de } from '../i18n/de';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { AuditTrailTimeline } from './AuditTrailTimeline';

const record = fixtureDeviations.in_final_approval;

describe('AuditTrailTimeline', () => {
  it('renders who, when, what (old → new) and why of each entry', async () => {
    renderWithQms(<AuditTrailTimeline recordType="deviation" id={record.id} />);
    const entries = await screen.findAllByRole('listitem');
    expect(entries).toHaveLength(fixtureAuditTrail.length);

    const update = entries[1]!;
    expect(update.textContent).toContain('Oliver Owens');
    expect(within(update).getByText('Mar 8, 2026, 9:20 AM').tagName).toBe('TIME');
    const severity = within(update).getByRole('rowheader', { name: 'Severity' }).closest('tr')!;
    expect(
      within(severity)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['—', 'Major']);
    expect(within(severity).getByText('Major').tagName).toBe('INS');

    const withReason = entries[3]!;
    expect(withReason.textContent).toContain('Reason: Logger data read out');
    const description = within(withReason).getByRole('rowheader', { name: 'Description' }).closest('tr')!;
    expect(within(description).getByText('Cold room 2 above 8 °C for about 20 minutes.').tagName).toBe('DEL');

    expect(entries[2]!.textContent).toContain('Lifecycle step: Draft → In assessment');
    expect(entries[5]!.textContent).toContain('Signing failed');
  });

  it('shows that the hash chain verifies, or where it breaks', async () => {
    const { unmount } = renderWithQms(<AuditTrailTimeline recordType="deviation" id={record.id} />);
    expect((await screen.findByText(/Chain verified/)).textContent).toBe(
      `✓ Chain verified: ${fixtureAuditTrail.length} entries intact`,
    );
    unmount();

    renderWithQms(<AuditTrailTimeline recordType="deviation" id={record.id} />, {
      serverOptions: { brokenChainAt: 4 },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('⚠ Chain broken at entry 4');
  });

  it('speaks German', async () => {
    renderWithQms(<AuditTrailTimeline entries={fixtureAuditTrail.slice(1, 2)} verify={false} />, {
      messages: de,
      locale: 'de-DE',
    });
    expect(screen.getAllByRole('heading').map((heading) => heading.textContent)).toContain('Audit-Trail');
    const severity = screen.getByRole('rowheader', { name: 'Schweregrad' }).closest('tr')!;
    expect(
      within(severity)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['—', 'Schwer']);
    expect(screen.getByText('08.03.2026, 09:20').tagName).toBe('TIME');
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<AuditTrailTimeline recordType="deviation" id={record.id} />);
    await screen.findAllByRole('listitem');
    expect(await seriousViolations(container)).toEqual([]);
  });
});
