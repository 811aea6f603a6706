import { type HttpHandler, HttpResponse, http } from 'msw';

/** What the import stories' server answers: a dry run with problems or without, and a job's progress. */
export function importHandlers({
  problems = true,
  rowsPerPoll = 2,
}: {
  problems?: boolean;
  rowsPerPoll?: number;
} = {}): HttpHandler[] {
  let polls = 0;
  const job = (rowsDone: number) => ({
    id: '0196a0c4-6f1c-7a4e-8a61-4d479b8e0c2f',
    state: rowsDone >= 4 ? 'done' : 'running',
    collection: 'deviations',
    format: 'csv',
    fileName: 'legacy-deviations.csv',
    sha256: 'ab'.repeat(32),
    rowsDone,
    rowsTotal: 4,
    created: Array.from({ length: rowsDone }, (_, index) => ({
      row: index + 2,
      id: `0196a0c4-6f1c-7a4e-8a61-4d479b8e0c3${index}`,
      number: `DEV-2026-01${index + 40}`,
    })),
    problems: [],
    createdAt: '2026-04-15T09:00:00.000Z',
    finishedAt: rowsDone >= 4 ? '2026-04-15T09:00:05.000Z' : null,
  });
  return [
    http.post('*/:collection/import', ({ request }) => {
      if (new URL(request.url).searchParams.get('dryRun') !== 'false')
        return HttpResponse.json(
          problems
            ? {
                rows: 4,
                valid: 2,
                problems: [
                  {
                    row: 3,
                    column: 'severity',
                    code: 'invalid_enum',
                    detail: '“huge” is not one of minor, major, critical.',
                  },
                  { row: 5, column: 'title', code: 'required', detail: 'title is required.' },
                ],
              }
            : { rows: 4, valid: 4, problems: [] },
        );
      polls = 0;
      return HttpResponse.json(job(0), { status: 202 });
    }),
    http.get('*/imports/:id', () => {
      polls += 1;
      return HttpResponse.json(job(Math.min(4, polls * rowsPerPoll)));
    }),
  ];
}

/** A CSV file as a browser's file input hands it on. */
export const legacyCsv = () =>
  new File(['title,severity\nLeak,minor\nSpill,huge\nDrift,major\n,minor\n'], 'legacy-deviations.csv', {
    type: 'text/csv',
  });
