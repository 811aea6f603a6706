import { fixtureDeviations } from '@masetra/fixtures';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordDetail } from '../detail/RecordDetail';
import { type RecordedCall, recordRequests } from '../testing/recordRequests';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { reportHandlers } from '../testing/reportHandlers';
import { RecordExportButtons } from './RecordExportButtons';
import { RecordTable } from './RecordTable';

describe('exports', () => {
  const saved: { url: string; name: string }[] = [];
  const blobs: Blob[] = [];
  beforeEach(() => {
    saved.length = 0;
    blobs.length = 0;
    // jsdom does not download: the link handed to the browser is what is checked.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:fixture-${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ url: this.href, name: this.download });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('downloads a list that fits a page at once, with the table’s filters and shown columns', async () => {
    const user = userEvent.setup();
    const calls: RecordedCall[] = [];
    const { container } = renderWithQms(
      <RecordTable recordType="deviation" columns={['number', 'title', 'severity']} />,
      {
        handlers: [recordRequests(calls), ...reportHandlers()],
      },
    );
    await screen.findByText(/^\d+ shown$/);
    await user.selectOptions(screen.getByLabelText('Severity'), 'major');
    // The list settles on the filter (debounced) before the export reads it.
    const listedMajor = () =>
      calls.some(
        (call) =>
          call.url.pathname.endsWith('/deviations') && call.url.searchParams.get('severity') === 'major',
      );
    await waitFor(() => expect(listedMajor()).toBe(true));
    await screen.findByText(/^\d+ shown$/);
    await user.click(screen.getByRole('button', { name: 'Export Excel' }));
    await screen.findByText('deviations.xlsx is downloaded.');

    const download = calls.find((call) => call.url.pathname.endsWith('/deviations/export.xlsx'));
    expect(Object.fromEntries(download?.url.searchParams ?? [])).toEqual({
      severity: 'major',
      sort: '-createdAt',
      columns: 'number,title,severity',
    });
    // The table knew how many rows matched: no count asked, no job started.
    expect(calls.some((call) => call.url.pathname.includes('/reports/'))).toBe(false);
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    expect(saved).toEqual([{ url: 'blob:fixture-1', name: 'deviations.xlsx' }]);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('runs a larger export as a job, shows its progress, then downloads the file', async () => {
    const user = userEvent.setup();
    const calls: RecordedCall[] = [];
    renderWithQms(
      <RecordExportButtons
        recordType="deviation"
        query={{ state: 'in_investigation', q: '', sort: '-createdAt' }}
        columns={['number', 'title']}
        pollInterval={20}
      />,
      {
        handlers: [
          recordRequests(calls),
          ...reportHandlers({ countForExport: 4200, exportRows: 4200, rowsPerPoll: 1400 }),
        ],
      },
    );
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const progress = await screen.findByRole('progressbar', { name: 'Export of deviations-2026-04-15.csv' });
    expect(progress.getAttribute('max')).toBe('4200');
    expect(screen.getByRole('button', { name: 'Export Excel' }).hasAttribute('disabled')).toBe(true);
    // Rows done grow with each poll until the job is done.
    const seen = new Set<string>();
    await waitFor(() => {
      const bar = screen.queryByRole('progressbar');
      if (bar)
        seen.add(
          `${bar.getAttribute('value')} ${bar.getAttribute('aria-describedby') ? document.getElementById(bar.getAttribute('aria-describedby')!)?.textContent : ''}`,
        );
      expect(screen.getByRole('status').textContent).toBe('deviations-2026-04-15.csv is downloaded.');
    });
    expect([...seen].some((entry) => /^(1400|2800) (1,400|2,800) of 4,200 rows$/.test(entry))).toBe(true);

    // The count came from the report API with the list's filters (no sort, no empty text).
    const count = calls.find((call) => call.url.pathname.endsWith('/reports/deviations'));
    expect(Object.fromEntries(count?.url.searchParams ?? [])).toEqual({
      state: 'in_investigation',
      metric: 'count',
    });
    const start = calls.find((call) => call.method === 'POST' && call.url.pathname.endsWith('/exports'));
    expect(start?.body).toEqual({
      source: 'records',
      collection: 'deviations',
      format: 'csv',
      query: { state: 'in_investigation', sort: '-createdAt' },
      columns: ['number', 'title'],
    });
    expect(calls.filter((call) => /\/exports\/[^/]+$/.test(call.url.pathname)).length).toBeGreaterThanOrEqual(
      3,
    );
    expect(calls.some((call) => /\/exports\/[^/]+\/file$/.test(call.url.pathname))).toBe(true);
    expect(saved).toEqual([{ url: 'blob:fixture-1', name: 'deviations-2026-04-15.csv' }]);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says why a job failed', async () => {
    const user = userEvent.setup();
    const { http, HttpResponse } = await import('msw');
    renderWithQms(<RecordExportButtons recordType="deviation" query={{}} columns={[]} pollInterval={10} />, {
      handlers: [
        http.get('*/exports/:id', ({ params }) =>
          HttpResponse.json({
            id: String(params.id),
            state: 'failed',
            source: 'records',
            format: 'xlsx',
            collection: 'deviations',
            rowsDone: 10,
            rowsTotal: 4200,
            fileName: 'deviations.xlsx',
            createdAt: '2026-04-15T12:00:00.000Z',
            finishedAt: '2026-04-15T12:00:01.000Z',
            expiresAt: null,
            problem: {
              type: 'about:blank',
              title: 'Export failed',
              status: 500,
              detail: 'The disk is full.',
            },
          }),
        ),
        ...reportHandlers({ countForExport: 4200 }),
      ],
    });
    await user.click(screen.getByRole('button', { name: 'Export Excel' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The export failed: The disk is full.');
    expect(saved).toEqual([]);
  });

  it('downloads a record’s PDF dossier from its page', async () => {
    const user = userEvent.setup();
    const calls: RecordedCall[] = [];
    renderWithQms(<RecordDetail recordType="deviation" id={fixtureDeviations.in_investigation.id} />, {
      handlers: [recordRequests(calls), ...reportHandlers()],
    });
    await user.click(await screen.findByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(
      calls.filter((call) => call.url.pathname.endsWith('/export.pdf')).map((call) => call.url.pathname),
    ).toEqual([`/api/v1/deviations/${fixtureDeviations.in_investigation.id}/export.pdf`]);
    expect(saved[0]?.name).toBe(`deviations-${fixtureDeviations.in_investigation.id}.pdf`);
    expect(blobs[0]?.type).toBe('application/pdf');
  });
});
