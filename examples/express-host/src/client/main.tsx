// The LIMS's browser app: its own shell and sign-in, Masetra's screens in its Quality section.
import './lims.css';
import '@masetra/react/styles.css';
import { createClient } from '@masetra/client';
import { QmsProvider } from '@masetra/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router';
import { DeviationPage, QualityPage, SamplePage, SamplesPage } from './pages';
import { SignInPage } from './SignInPage';
import { useLabSession } from './session';

// Same origin as the page: the LIMS's session cookie is the credential, no token needed.
const qms = createClient({ baseUrl: '/qms', source: 'northwind-lims' });

function App() {
  const { me, signIn, signOut, userName } = useLabSession();
  if (me === undefined) return <p role="status">Loading…</p>;
  if (me === null) return <SignInPage signIn={signIn} />;
  return (
    <QmsProvider
      key={me.id}
      client={qms}
      principal={{ userId: me.id, displayName: me.name, email: me.email, roles: me.roles }}
      userName={userName}
    >
      <header className="lims-header">
        <div className="lims-brand">
          Northwind <span>LIMS</span>
        </div>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Samples
          </NavLink>
          <NavLink to="/quality">Quality</NavLink>
        </nav>
        <span>{me.name}</span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main className="lims-main">
        <Routes>
          <Route path="/" element={<SamplesPage />} />
          <Route path="/samples/:sampleId" element={<SamplePage />} />
          <Route path="/quality" element={<QualityPage />} />
          <Route path="/quality/deviations/:id" element={<DeviationPage />} />
        </Routes>
      </main>
    </QmsProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
