import type { RecordBase, RecordType } from '@masetra/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { qmsKeys } from '../hooks/qmsKeys';
import { useQms } from '../provider/useQms';
import { doneStatesOf, openStatesOf, type RecordTypeSummary, summarizeRecords } from './summarizeRecords';

export interface RecordSummaryOptions {
  /** The instant overdue is judged at (ISO 8601). */
  now: string;
  /** The most records listed per state group; the summary says when it was cut. Default 1000. */
  maxRecords?: number;
}

async function collect(
  iterable: AsyncIterable<unknown>,
  limit: number,
): Promise<{ records: RecordBase[]; truncated: boolean }> {
  const records: RecordBase[] = [];
  for await (const record of iterable) {
    if (records.length === limit) return { records, truncated: true };
    records.push(record as RecordBase);
  }
  return { records, truncated: false };
}

/** A record type's dashboard figures, computed from its open and closed records listed through the client. */
export function useRecordSummary(
  recordType: RecordType,
  { now, maxRecords = 1000 }: RecordSummaryOptions,
): UseQueryResult<RecordTypeSummary & { truncated: boolean }, Error> {
  const { client } = useQms();
  // The day, not the instant, keys the cache: a re-render a second later asks nothing again.
  const day = now.slice(0, 10);
  return useQuery({
    queryKey: qmsKeys.summary(recordType.name, { day, maxRecords }),
    queryFn: async ({ signal }) => {
      const records = client.records(recordType);
      const list = (states: string[], sort: string) =>
        states.length === 0
          ? Promise.resolve({ records: [], truncated: false })
          : collect(
              records.iterate(
                { state: states.join(','), sort, limit: 200 } as unknown as Parameters<
                  typeof records.iterate
                >[0],
                {
                  signal,
                },
              ),
              maxRecords,
            );
      const [open, closed] = await Promise.all([
        list(openStatesOf(recordType), 'createdAt'),
        list(doneStatesOf(recordType), '-updatedAt'),
      ]);
      return {
        ...summarizeRecords(recordType, open.records, closed.records, now),
        truncated: open.truncated || closed.truncated,
      };
    },
  });
}
