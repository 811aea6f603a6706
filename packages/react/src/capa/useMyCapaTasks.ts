import type { MyCapaTask } from '@masetra/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { qmsKeys } from '../hooks/qmsKeys';
import { useQms } from '../provider/useQms';

/** Under every record's key, so that a change to any CAPA (a task done) reloads the list. */
export const myCapaTasksKey = () => [...qmsKeys.records('capa'), 'my-tasks'] as const;

/** The signed-in user's open CAPA tasks across CAPAs, soonest due first. */
export function useMyCapaTasks(): UseQueryResult<MyCapaTask[], Error> {
  const { client } = useQms();
  return useQuery({
    queryKey: myCapaTasksKey(),
    queryFn: async ({ signal }) => (await client.capaTasks.mine({ signal })).items as MyCapaTask[],
  });
}
