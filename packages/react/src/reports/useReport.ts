import type { RecordType, ReportResult } from '@masetra/core';
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { qmsKeys } from '../hooks/qmsKeys';
import { useQms } from '../provider/useQms';
import { type ReportDefinition, reportQueryOf } from './reportDefinition';

/**
 * A report computed by the server: the definition's metric per group of the records its
 * filters match. The previous result stays while a changed definition runs.
 *
 * @example
 * const { data } = useReport(recordTypes.deviation, { ...definition, groupBy: 'severity' });
 */
export function useReport(
  recordType: RecordType,
  definition: ReportDefinition,
  options: { enabled?: boolean } = {},
): UseQueryResult<ReportResult, Error> {
  const { client } = useQms();
  const query = reportQueryOf(definition);
  return useQuery({
    queryKey: qmsKeys.report(recordType.name, query),
    queryFn: ({ signal }) =>
      client.reports.run(recordType, query as Parameters<typeof client.reports.run>[1], { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
