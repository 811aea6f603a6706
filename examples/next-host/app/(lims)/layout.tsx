// The LIMS's shell, rendered on the server from its own session; Masetra's screens inside it.
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { labDirectory, masetraRoles } from '../../lib/labUsers';
import { currentSession } from '../../lib/session';
import { signOut } from '../actions';
import { MainNav } from './MainNav';
import { QualityProvider } from './QualityProvider';

export default async function LimsLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  if (!session) redirect('/sign-in');
  const { user } = session;
  return (
    <QualityProvider
      principal={{
        userId: user.id,
        displayName: user.name,
        email: user.email,
        roles: masetraRoles[user.labRole],
      }}
      people={labDirectory()}
    >
      <header className="lims-header">
        <div className="lims-brand">
          Northwind <span>LIMS</span>
        </div>
        <MainNav />
        <span>{user.name}</span>
        <form action={signOut}>
          <button type="submit">Sign out</button>
        </form>
      </header>
      <main className="lims-main">{children}</main>
    </QualityProvider>
  );
}
