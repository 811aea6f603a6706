// Display names for user ids (record owners, authors, signers), from the reference server's
// directory, which every signed-in user may read.
import type { SessionUser } from '@masetra/core/auth';
import { useCallback, useEffect, useState } from 'react';
import { qms } from './api';

export function useUserNames(user: SessionUser | undefined): (userId: string) => string | undefined {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    if (!user) return;
    setNames(new Map([[user.id, user.displayName]]));
    let current = true;
    qms.users
      .directory()
      .then(({ items }) => {
        if (current) setNames(new Map(items.map((listed) => [listed.id, listed.displayName])));
      })
      // Without the directory the screens show ids; nothing else depends on it.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [user]);

  return useCallback((userId: string) => names.get(userId), [names]);
}
