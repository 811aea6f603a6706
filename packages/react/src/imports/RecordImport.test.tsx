import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { de } from '../i18n/de';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { importHandlers, legacyCsv } from './importStory';
import { RecordImport } from './RecordImport';

describe('RecordImport', () => {
  it('checks the chosen file and shows each problem by row and column; a file with problems cannot be imported', async () => {
    const user = userEvent.setup();
    const sent: { dryRun: string | null; type: string | null; name: string | null }[] = [];
    const { container } = renderWithQms(<RecordImport recordType="deviation" pollInterval={5} />, {
      handlers: [
        http.post('*/deviations/import', ({ request }) => {
          sent.push({
            dryRun: new URL(request.url).searchParams.get('dryRun'),
            type: request.headers.get('content-type'),
            name: request.headers.get('x-file-name'),
          });
          return undefined;
        }),
        ...importHandlers(),
      ],
    });
    await user.upload(screen.getByLabelText('CSV or Excel file'), legacyCsv());
    expect(await screen.findByText('4 rows, 2 ready to import')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Problems' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['3', 'severity', '“huge” is not one of minor, major, critical.'],
      ['5', 'title', 'title is required.'],
    ]);
    expect((screen.getByRole('button', { name: 'Import 2 records' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(sent).toEqual([{ dryRun: 'true', type: 'text/csv', name: 'legacy-deviations.csv' }]);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('imports a clean file as a job with a progress bar, then lists the records created', async () => {
    const user = userEvent.setup();
    renderWithQms(
      <RecordImport
        recordType="deviation"
        pollInterval={5}
        renderRecord={(record) => <a href={`/deviations/${record.id}`}>{record.number}</a>}
      />,
      { handlers: importHandlers({ problems: false, rowsPerPoll: 1 }) },
    );
    await user.upload(screen.getByLabelText('CSV or Excel file'), legacyCsv());
    await user.click(await screen.findByRole('button', { name: 'Import 4 records' }));
    const progress = await screen.findByRole('progressbar', { name: 'Import of legacy-deviations.csv' });
    expect(progress.getAttribute('max')).toBe('4');
    expect(await screen.findByText('4 records created')).toBeTruthy();
    const created = screen.getByRole('list', { name: 'Created records' });
    expect(
      within(created)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['DEV-2026-0140', 'DEV-2026-0141', 'DEV-2026-0142', 'DEV-2026-0143']);
  });

  it('says why when the server refuses the file', async () => {
    const user = userEvent.setup();
    renderWithQms(<RecordImport recordType="deviation" />, {
      handlers: [
        http.post('*/deviations/import', () =>
          HttpResponse.json(
            {
              type: 'about:blank',
              title: 'Unsupported media type',
              status: 415,
              detail: 'Expected text/csv.',
            },
            { status: 415, headers: { 'content-type': 'application/problem+json' } },
          ),
        ),
      ],
      messages: de,
      locale: 'de',
    });
    await user.upload(screen.getByLabelText('CSV- oder Excel-Datei'), legacyCsv());
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Der Import ist fehlgeschlagen: /);
  });
});
