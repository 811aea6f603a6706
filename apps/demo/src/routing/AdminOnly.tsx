import { can } from '@masetra/core';
import type { ReactNode } from 'react';
import { NotFoundPage } from '../pages/NotFoundPage';
import { useSession } from '../session/useSession';

/** A page only administrators reach; anyone else finds no page at that address. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { user } = useSession();
  return user && can(user, 'administerUsers') ? children : <NotFoundPage />;
}
