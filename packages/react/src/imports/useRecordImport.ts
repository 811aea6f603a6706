import { ProblemError } from '@masetra/client';
import type { ImportJob, ImportReport, RecordType } from '@masetra/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQms } from '../provider/useQms';

/** Where an import stands: no file, checking it, its dry-run report, the job running, done, or failed. */
export type RecordImportState =
  | { phase: 'idle' }
  | { phase: 'checking'; file: File }
  | { phase: 'checked'; file: File; report: ImportReport }
  | { phase: 'running'; file: File; job: ImportJob }
  | { phase: 'done'; file: File; job: ImportJob }
  | { phase: 'failed'; error: Error };

export interface RecordImport {
  state: RecordImportState;
  /** A dry run of the file: its report, nothing written. */
  check(file: File): Promise<void>;
  /** Imports the checked file as a job and follows it until it ends. */
  run(): Promise<void>;
}

/** Stops what the last call started (a file chosen again), and gives the new call its own signal. */
function restart(abort: { current: AbortController | null }): AbortSignal {
  abort.current?.abort();
  abort.current = new AbortController();
  return abort.current.signal;
}

function failureOf(job: ImportJob): Error {
  return job.problem ? new ProblemError(job.problem) : new Error(`Import ${job.id} failed`);
}

/**
 * Imports a CSV or Excel file as records of a type: `check` runs the server's dry run (each
 * problem by row and column), `run` starts the import job and polls its progress (`rowsDone` of
 * `rowsTotal`) until it is done, then holds the records it created.
 */
export function useRecordImport(
  recordType: RecordType,
  options: { pollInterval?: number } = {},
): RecordImport {
  const { client } = useQms();
  const pollInterval = options.pollInterval ?? 1000;
  const [state, setState] = useState<RecordImportState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const check = useCallback(
    async (file: File) => {
      const signal = restart(abort);
      setState({ phase: 'checking', file });
      try {
        const report = await client.imports.check(
          recordType,
          { data: file, fileName: file.name, contentType: file.type || undefined },
          { signal },
        );
        if (!signal.aborted) setState({ phase: 'checked', file, report });
      } catch (error) {
        if (!signal.aborted) setState({ phase: 'failed', error: error as Error });
      }
    },
    [client, recordType],
  );

  const run = useCallback(async () => {
    if (state.phase !== 'checked') return;
    const { file } = state;
    const signal = restart(abort);
    try {
      let job = await client.imports.start(
        recordType,
        { data: file, fileName: file.name, contentType: file.type || undefined },
        { signal },
      );
      while (job.state === 'queued' || job.state === 'running') {
        if (signal.aborted) return;
        setState({ phase: 'running', file, job });
        await new Promise((resolve) => setTimeout(resolve, pollInterval));
        job = await client.imports.job(job.id, { signal });
      }
      if (signal.aborted) return;
      if (job.state === 'failed') throw failureOf(job);
      setState({ phase: 'done', file, job });
    } catch (error) {
      if (!signal.aborted) setState({ phase: 'failed', error: error as Error });
    }
  }, [client, recordType, state, pollInterval]);

  return { state, check, run };
}
