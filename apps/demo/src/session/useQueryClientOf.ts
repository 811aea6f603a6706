// The demo's own TanStack Query client, as an app that already uses TanStack Query has one: the
// SDK's screens share it (QmsProvider's `queryClient`). One per signed-in user, so nothing one
// user loaded shows to the next.
import { createQmsQueryClient } from '@masetra/react';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';

export function useQueryClientOf(userId: string | undefined): QueryClient {
  const [current, setCurrent] = useState(() => ({ userId, client: createQmsQueryClient() }));
  if (current.userId !== userId) {
    // A new user starts on an empty cache (state set during render, as React advises for this).
    const next = { userId, client: createQmsQueryClient() };
    setCurrent(next);
    return next.client;
  }
  return current.client;
}
