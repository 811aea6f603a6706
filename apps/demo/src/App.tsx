// The root route: restores the session, provides the SDK (with the demo's own query cache), and
// shows the sign-in form to a signed-out visitor at whatever address was asked for. No
// <ScrollRestoration>: it keeps the paths visited (record ids) in sessionStorage past sign-out.
import { de, en, type QmsPrincipal, QmsProvider } from '@masetra/react';
import { useEffect, useMemo } from 'react';
import { Outlet } from 'react-router';
import { SignInPage } from './pages/SignInPage';
import { qms, session } from './session/api';
import { useDemoLanguage } from './session/language';
import { useQueryClientOf } from './session/useQueryClientOf';
import { useSession } from './session/useSession';
import { useUserNames } from './session/useUserNames';
import { AppShell } from './shell/AppShell';
import { useDemoTheme } from './shell/theme';
import { useSsoSigning } from './sso/useSsoSigning';
import { demoViews } from './views/demoViews';

export function App() {
  const { status, user } = useSession();
  const [theme, setTheme] = useDemoTheme();
  const userName = useUserNames(user);
  const queryClient = useQueryClientOf(user?.id);
  const reauthentication = useSsoSigning(user);
  // The user's language (their account page), else the browser's: the SDK's screens speak it too.
  const language = useDemoLanguage();

  useEffect(() => {
    void session.restore();
  }, []);

  const principal = useMemo<QmsPrincipal | undefined>(
    () =>
      user && {
        userId: user.id,
        displayName: user.displayName,
        email: user.email,
        roles: user.roles,
        mfaEnrolled: user.mfaEnrolled,
        reauthentication,
      },
    [user, reauthentication],
  );

  return (
    <QmsProvider
      // A new user gets a new provider and cache: nothing one user loaded shows to the next.
      key={user?.id ?? 'signed-out'}
      client={qms}
      queryClient={queryClient}
      principal={principal}
      theme={theme}
      userName={userName}
      views={demoViews}
      locale={language === 'de' ? 'de-DE' : 'en'}
      messages={language === 'de' ? de : en}
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
          <Outlet />
        </AppShell>
      )}
    </QmsProvider>
  );
}
