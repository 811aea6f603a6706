import type { Notification } from '@masetra/core';
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  type UseMutationResult,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useQms } from '../provider/useQms';
import { qmsKeys } from './qmsKeys';

type NotificationPage = { items: Notification[]; nextCursor: string | null };

function flattenNotifications(data: InfiniteData<NotificationPage, string | undefined>): Notification[] {
  return data.pages.flatMap((page) => page.items);
}

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
    select: flattenNotifications,
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
