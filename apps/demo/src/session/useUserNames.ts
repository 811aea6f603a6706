// Display names for user ids (record owners, authors). The reference server lists users to
// administrators only, so other users see their own name and ids otherwise.
import type { SessionUser } from '@masetra/core';
import { useCallback, useEffect, useState } from 'react';
import { qms } from './api';

export function useUserNames(user: SessionUser | undefined): (userId: string) => string | undefined {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const isAdmin = user?.roles.includes('admin') ?? false;

  useEffect(() => {
    if (!user) return;
    setNames(new Map([[user.id, user.displayName]]));
    if (!isAdmin) return;
    let current = true;
    qms.users
      .list()
      .then(({ items }) => {
        if (current) setNames(new Map(items.map((listed) => [listed.id, listed.displayName])));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [user, isAdmin]);

  return useCallback((userId: string) => names.get(userId), [names]);
}
