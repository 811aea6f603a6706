// The demo's own TanStack Query client, as an app that already uses TanStack Query has one: the
// SDK's screens share it (QmsProvider's `queryClient`). One per signed-in user, so nothing one
// user loaded shows to the next.
import { isProblemError } from '@masetra/client';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // The API client retries what is safe to retry; an answer such as 403 or 404 stays an answer.
        retry: (failures, error) => failures < 1 && !isProblemError(error),
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function useQueryClientOf(userId: string | undefined): QueryClient {
  const [current, setCurrent] = useState(() => ({ userId, client: createQueryClient() }));
  if (current.userId !== userId) {
    // A new user starts on an empty cache (state set during render, as React advises for this).
    const next = { userId, client: createQueryClient() };
    setCurrent(next);
    return next.client;
  }
  return current.client;
}
