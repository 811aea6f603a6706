// The frame around every signed-in page: skip link, header, main navigation and the page.
import { can, type OrganizationAction } from '@masetra/core';
import type { SessionUser } from '@masetra/core/auth';
import { type ReactNode, useId } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useAccountMessages } from '../pages/AccountPage.messages';
import { session } from '../session/api';
import { type DemoThemeName, demoThemes } from './theme';

interface NavItem {
  to: string;
  label: string;
  /** Its words in the account messages instead, which speak the user's language. */
  labelKey?: 'navSecurity' | 'navAccount';
  /** Shown only to users whose roles allow this in the permission matrix. */
  permission?: OrganizationAction;
  /** Current only at exactly this address (its sub-pages have items of their own). */
  exact?: boolean;
}

const navigation: NavItem[] = [
  { to: '/', label: 'Dashboard' },
  { to: '/deviations', label: 'Deviations' },
  { to: '/capas', label: 'CAPAs' },
  { to: '/documents', label: 'Documents' },
  { to: '/audits', label: 'Audits' },
  { to: '/findings', label: 'Findings' },
  { to: '/my-tasks', label: 'My tasks' },
  { to: '/reports', label: 'Reports', permission: 'viewReports' },
  // Whoever may not review the organization-wide trail still sees each record's own.
  { to: '/training', label: 'My training', exact: true },
  { to: '/training/matrix', label: 'Training matrix', permission: 'viewTrainingMatrix' },
  { to: '/audit-trail', label: 'Audit trail', permission: 'reviewAuditTrail' },
  { to: '/admin/users', label: 'Users', permission: 'administerUsers' },
  { to: '/settings/sso', label: 'Single sign-on', permission: 'administerUsers' },
  { to: '/settings/document-kinds', label: 'Document numbering', permission: 'administerUsers' },
  { to: '/settings/training', label: 'Who must be trained', permission: 'administerTraining' },
  { to: '/settings/webhooks', label: 'Webhooks', permission: 'administerWebhooks' },
  { to: '/settings/security', label: 'Security', labelKey: 'navSecurity', permission: 'administerUsers' },
  { to: '/account', label: 'Your account', labelKey: 'navAccount' },
];

function isCurrent(item: NavItem, pathname: string): boolean {
  if (item.to === '/' || item.exact) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

export interface AppShellProps {
  user: SessionUser;
  theme: DemoThemeName;
  onThemeChange: (theme: DemoThemeName) => void;
  children: ReactNode;
}

export function AppShell({ user, theme, onThemeChange, children }: AppShellProps) {
  const { pathname } = useLocation();
  const themeId = useId();
  const { t } = useAccountMessages();
  const labelOf = (item: NavItem) => (item.labelKey ? t[item.labelKey] : item.label);
  return (
    <div className="demo-shell">
      <a className="demo-skip-link" href="#main">
        Skip to content
      </a>
      <header className="demo-header">
        <Link to="/" className="demo-brand">
          Masetra QMS
        </Link>
        <span className="demo-header__org">{user.orgName ?? 'Demo organization'}</span>
        <div className="demo-header__tools">
          <label htmlFor={themeId} className="demo-header__label">
            Theme
          </label>
          <select
            id={themeId}
            value={theme}
            onChange={(event) => onThemeChange(event.target.value as DemoThemeName)}
          >
            {demoThemes.map((option) => (
              <option key={option.name} value={option.name}>
                {option.label}
              </option>
            ))}
          </select>
          <span className="demo-header__user">
            <span className="demo-header__name">{user.displayName}</span>
            <span className="demo-muted"> · {user.roles.join(', ').replaceAll('_', ' ')}</span>
          </span>
          <button type="button" className="masetra-button" onClick={() => void session.signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <div className="demo-body">
        <nav className="demo-nav" aria-label="Main">
          <ul>
            {navigation
              // While the organization's policy asks for an authenticator first, only the account page is open.
              .filter((item) => !user.mfaEnrolmentRequired || item.to === '/account')
              .filter((item) => !item.permission || can(user, item.permission))
              .map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={isCurrent(item, pathname) ? 'page' : undefined}>
                    {labelOf(item)}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <main id="main" className="demo-main" tabIndex={-1}>
          {user.mfaEnrolmentRequired && pathname !== '/account' ? (
            <Navigate to="/account" replace />
          ) : (
            children
          )}
        </main>
      </div>
    </div>
  );
}
