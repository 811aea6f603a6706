// The demo's pages by URL, on React Router (data mode), as an evaluator's own app would route.
// Every path the browser tests open stays as it was: `/`, `/sign-in`, `/audit-trail`,
// `/admin/users`, `/{collection}`, `/{collection}/new` and `/{collection}/{id}`.
import { createBrowserRouter, Navigate } from 'react-router';
import { App } from '../App';
import { AccountPage } from '../pages/AccountPage';
import { AuditTrailPage } from '../pages/AuditTrailPage';
import { DashboardPage } from '../pages/DashboardPage';
import { DocumentKindsPage } from '../pages/DocumentKindsPage';
import { MyTasksPage } from '../pages/MyTasksPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ReportsPage } from '../pages/ReportsPage';
import { SecuritySettingsPage } from '../pages/SecuritySettingsPage';
import { SsoSettingsPage } from '../pages/SsoSettingsPage';
import { TrainingMatrixPage } from '../pages/TrainingMatrixPage';
import { TrainingPage } from '../pages/TrainingPage';
import { TrainingSettingsPage } from '../pages/TrainingSettingsPage';
import { UsersPage } from '../pages/UsersPage';
import { WebhooksPage } from '../pages/WebhooksPage';
import { SsoCallbackPage } from '../sso/SsoCallbackPage';
import { AdminOnly } from './AdminOnly';
import { ImportRecordsRoute, NewRecordRoute, RecordListRoute, RecordRoute } from './recordRoutes';

export const router = createBrowserRouter([
  // Where the identity provider sends the browser back: outside App, which shows sign-in when signed out.
  { path: '/sso/callback', Component: SsoCallbackPage },
  {
    path: '/',
    // Signed out, App shows the sign-in form at whatever address was asked for, and that page after.
    Component: App,
    children: [
      { index: true, Component: DashboardPage },
      { path: 'sign-in', element: <Navigate to="/" replace /> },
      { path: 'audit-trail', Component: AuditTrailPage },
      {
        path: 'admin/users',
        element: (
          <AdminOnly>
            <UsersPage />
          </AdminOnly>
        ),
      },
      {
        path: 'settings/sso',
        element: (
          <AdminOnly>
            <SsoSettingsPage />
          </AdminOnly>
        ),
      },
      {
        path: 'settings/document-kinds',
        element: (
          <AdminOnly>
            <DocumentKindsPage />
          </AdminOnly>
        ),
      },
      {
        path: 'settings/training',
        element: (
          <AdminOnly>
            <TrainingSettingsPage />
          </AdminOnly>
        ),
      },
      {
        path: 'settings/webhooks',
        element: (
          <AdminOnly>
            <WebhooksPage />
          </AdminOnly>
        ),
      },
      { path: 'account', Component: AccountPage },
      { path: 'my-tasks', Component: MyTasksPage },
      { path: 'reports', Component: ReportsPage },
      { path: 'training', Component: TrainingPage },
      { path: 'training/matrix', Component: TrainingMatrixPage },
      {
        path: 'settings/security',
        element: (
          <AdminOnly>
            <SecuritySettingsPage />
          </AdminOnly>
        ),
      },
      { path: ':collection', Component: RecordListRoute },
      { path: ':collection/new', Component: NewRecordRoute },
      { path: ':collection/import', Component: ImportRecordsRoute },
      { path: ':collection/:id', Component: RecordRoute },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
