import type { Kpis } from '@masetra/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { qmsKeys } from '../hooks/qmsKeys';
import { useQms } from '../provider/useQms';

/** The twelve calendar months up to `now`'s (UTC): from the first of the month eleven months earlier to `now`. */
export function twelveMonthsTo(now: string): { from: string; to: string } {
  const end = new Date(now);
  const from = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1));
  return { from: from.toISOString(), to: end.toISOString() };
}

/**
 * The organization's KPIs for a period, computed by the server (`GET /reports/kpis`): open
 * records by state and severity, overdue counts, CAPA on-time and effectiveness rates,
 * documents due for review, findings, and opened versus closed per month.
 *
 * @example
 * const { data: kpis } = useKpis(twelveMonthsTo(new Date().toISOString()));
 */
export function useKpis(period: { from: string; to: string }): UseQueryResult<Kpis, Error> {
  const { client } = useQms();
  // The day, not the instant, keys the cache: a re-render a second later asks nothing again.
  const key = { from: period.from.slice(0, 10), to: period.to.slice(0, 10) };
  return useQuery({
    queryKey: qmsKeys.kpis(key),
    queryFn: ({ signal }) => client.reports.kpis(period, { signal }),
  });
}
