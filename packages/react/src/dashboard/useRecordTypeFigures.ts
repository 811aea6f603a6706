import type { RecordType, ReportResult } from '@masetra/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { qmsKeys } from '../hooks/qmsKeys';
import { useQms } from '../provider/useQms';

/** A record type's overdue count and cycle time, as the report API computes them. */
export interface RecordTypeFigures {
  /** Unfinished records past the type's due date; undefined for a type without one. */
  overdue: number | undefined;
  /** Days from creation to a finished state, over the records that finished. */
  cycleTime: { medianDays: number; p90Days: number; count: number } | undefined;
}

function cycleTimeOf(result: ReportResult): RecordTypeFigures['cycleTime'] {
  const row = result.rows[0];
  if (!row || typeof row.medianDays !== 'number' || !row.count) return undefined;
  return { medianDays: row.medianDays, p90Days: row.p90Days ?? row.medianDays, count: row.count };
}

/** Two ungrouped reports of one type: `overdue` (where it has a due date) and `cycleTime`. */
export function useRecordTypeFigures(recordType: RecordType): UseQueryResult<RecordTypeFigures, Error> {
  const { client } = useQms();
  const hasDueDate = recordType.dueField !== undefined;
  return useQuery({
    queryKey: qmsKeys.report(recordType.name, { figures: 'dashboard' }),
    queryFn: async ({ signal }) => {
      const run = (metric: 'overdue' | 'cycleTime') =>
        client.reports.run(recordType, { metric } as Parameters<typeof client.reports.run>[1], { signal });
      const [overdue, cycleTime] = await Promise.all([
        hasDueDate ? run('overdue') : undefined,
        run('cycleTime'),
      ]);
      return { overdue: overdue?.total, cycleTime: cycleTimeOf(cycleTime) };
    },
  });
}
