import type { Notification } from '@masetra/core';
import {
  type UseInfiniteQueryResult,
  type UseMutationResult,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useQms } from '../provider/useQms';
import { flattenPages } from './flattenPages';
import { qmsKeys } from './qmsKeys';

/** The signed-in user's notifications, newest first. */
export function useNotifications(
  options: { pageSize?: number } = {},
): UseInfiniteQueryResult<Notification[], Error> {
  const { client } = useQms();
  const limit = options.pageSize ?? 50;
  return useInfiniteQuery({
    queryKey: [...qmsKeys.notifications(), limit],
    queryFn: ({ pageParam, signal }) => client.notifications.list({ limit, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    select: flattenPages<Notification>,
  });
}

/** Marks a notification read. */
export function useMarkNotificationRead(): UseMutationResult<Notification, Error, string> {
  const { client } = useQms();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.notifications.read(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qmsKeys.notifications() }),
  });
}
