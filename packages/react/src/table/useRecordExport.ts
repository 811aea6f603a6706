// A record list's export as a download: directly when it fits one page, as a job with progress otherwise.
import { ProblemError, type RecordExportFormat } from '@masetra/client';
import { type ExportJob, MAX_PAGE_SIZE, type RecordType } from '@masetra/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveBlob } from '../document/saveBlob';
import { useQms } from '../provider/useQms';

/** Where an export stands: nothing yet, a direct download, a job with its progress, done, or failed. */
export type RecordExportState =
  | { phase: 'idle' }
  | { phase: 'downloading'; format: RecordExportFormat }
  | { phase: 'running'; format: RecordExportFormat; job: ExportJob }
  | { phase: 'done'; format: RecordExportFormat; fileName: string }
  | { phase: 'failed'; format: RecordExportFormat; error: Error };

export interface RecordExportRequest {
  format: RecordExportFormat;
  /** The list's query: filters, `q`, `sort`, time range. Empty values are left out. */
  query: Readonly<Record<string, string | undefined>>;
  /** The columns, in order; the type's default columns when empty. */
  columns: readonly string[];
  /** How many records the query matches, when the caller knows (a fully loaded list); asked of the report API otherwise. */
  rowCount?: number;
}

export interface RecordExport {
  state: RecordExportState;
  start(request: RecordExportRequest): Promise<void>;
}

/** The report query's own keys are the list's filters; `sort` is the list's alone. */
function countQueryOf(query: Record<string, string>): Record<string, string> {
  const { sort: _sort, ...filters } = query;
  return { ...filters, metric: 'count' };
}

/** Why a job failed, as the problem the server recorded for it. */
function failureOf(job: ExportJob): Error {
  return job.problem ? new ProblemError(job.problem) : new Error(`Export ${job.id} failed`);
}

/**
 * Exports a record type's list as CSV or Excel. Up to one page (200 records) the file downloads
 * at once; more start an export job on the server, whose progress (`rowsDone` of `rowsTotal`)
 * `state` follows until the file is ready and downloaded.
 */
export function useRecordExport(
  recordType: RecordType,
  options: { pollInterval?: number } = {},
): RecordExport {
  const { client } = useQms();
  const pollInterval = options.pollInterval ?? 1000;
  const [state, setState] = useState<RecordExportState>({ phase: 'idle' });
  // Set on unmount: a poll that answers later changes no state and downloads nothing.
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = useCallback(
    async ({ format, query, columns, rowCount }: RecordExportRequest) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      const { signal } = controller;
      const filled = Object.fromEntries(
        Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]?.trim()),
      );
      const fallbackName = `${recordType.collection}.${format}`;
      setState({ phase: 'downloading', format });
      try {
        // Uncounted (a filter the report does not take, a server without reports): a job, which suits any size.
        const rows =
          rowCount ??
          (await client.reports
            .run(recordType, countQueryOf(filled) as Parameters<typeof client.reports.run>[1], { signal })
            .then((report) => report.total)
            .catch(() => Number.POSITIVE_INFINITY));
        if (signal.aborted) return;
        if (rows <= MAX_PAGE_SIZE) {
          const file = await client.exports.records(
            recordType,
            format,
            { ...filled, ...(columns.length > 0 ? { columns: columns.join(',') } : {}) } as Parameters<
              typeof client.exports.records
            >[2],
            { signal },
          );
          saveBlob(file.blob, file.fileName ?? fallbackName);
          setState({ phase: 'done', format, fileName: file.fileName ?? fallbackName });
          return;
        }
        let job = await client.exports.start({
          source: 'records',
          collection: recordType.collection,
          format,
          query: filled,
          ...(columns.length > 0 ? { columns: [...columns] } : {}),
        });
        while (job.state === 'queued' || job.state === 'running') {
          if (signal.aborted) return;
          setState({ phase: 'running', format, job });
          await new Promise((resolve) => setTimeout(resolve, pollInterval));
          job = await client.exports.job(job.id, { signal });
        }
        if (job.state === 'failed') throw failureOf(job);
        setState({ phase: 'running', format, job });
        const file = await client.exports.file(job.id, { signal });
        saveBlob(file.blob, file.fileName ?? job.fileName);
        setState({ phase: 'done', format, fileName: file.fileName ?? job.fileName });
      } catch (error) {
        if (signal.aborted) return;
        setState({
          phase: 'failed',
          format,
          error: error instanceof Error ? error : new Error(String(error)),
        });
      }
    },
    [client, recordType, pollInterval],
  );

  return { state, start };
}
