import { type QmsPrincipal, QmsProvider } from '@masetra/react';
import { useEffect, useMemo } from 'react';
import { AuditTrailPage } from './pages/AuditTrailPage';
import { DashboardPage } from './pages/DashboardPage';
import { NewRecordPage } from './pages/NewRecordPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RecordListPage } from './pages/RecordListPage';
import { RecordPage } from './pages/RecordPage';
import { sectionOf } from './pages/recordSections';
import { SignInPage } from './pages/SignInPage';
import { UsersPage } from './pages/UsersPage';
import { matchPath, navigate, useLocation } from './routing/router';
import { qms, session } from './session/api';
import { useSession } from './session/useSession';
import { useUserNames } from './session/useUserNames';
import { AppShell } from './shell/AppShell';
import { useDemoTheme } from './shell/theme';

function SignedInRoutes({ roles }: { roles: readonly string[] }) {
  const { pathname } = useLocation();
  if (pathname === '/') return <DashboardPage />;
  if (pathname === '/audit-trail') return <AuditTrailPage />;
  if (pathname === '/admin/users') return roles.includes('admin') ? <UsersPage /> : <NotFoundPage />;

  const list = matchPath('/:collection', pathname);
  const listSection = list && sectionOf(list.collection ?? '');
  if (listSection) return <RecordListPage key={listSection.collection} section={listSection} />;

  const created = matchPath('/:collection/new', pathname);
  const newSection = created && sectionOf(created.collection ?? '');
  if (newSection?.creatable) return <NewRecordPage key={newSection.collection} section={newSection} />;

  const record = matchPath('/:collection/:id', pathname);
  const recordSection = record && sectionOf(record.collection ?? '');
  if (recordSection && record?.id) {
    return <RecordPage key={record.id} section={recordSection} id={record.id} />;
  }
  return <NotFoundPage />;
}

export function App() {
  const { status, user } = useSession();
  const [theme, setTheme] = useDemoTheme();
  const { pathname } = useLocation();
  const userName = useUserNames(user);

  useEffect(() => {
    void session.restore();
  }, []);
  useEffect(() => {
    if (status === 'signed-in' && pathname === '/sign-in') navigate('/', { replace: true });
  }, [status, pathname]);

  const principal = useMemo<QmsPrincipal | undefined>(
    () =>
      user && {
        userId: user.id,
        displayName: user.displayName,
        email: user.email,
        roles: user.roles,
        mfaEnrolled: user.mfaEnrolled,
      },
    [user],
  );

  return (
    <QmsProvider
      // A new user gets a new cache: nothing one user loaded shows to the next.
      key={user?.id ?? 'signed-out'}
      client={qms}
      principal={principal}
      theme={theme}
      userName={userName}
      className="demo-root"
    >
      {status === 'restoring' ? (
        <p role="status" className="demo-restoring">
          Loading…
        </p>
      ) : status === 'signed-out' || !user ? (
        <SignInPage />
      ) : (
        <AppShell user={user} theme={theme} onThemeChange={setTheme}>
          <SignedInRoutes roles={user.roles} />
        </AppShell>
      )}
    </QmsProvider>
  );
}
