import type { Notification } from '@masetra/core';
import { Dashboard, NotificationsList } from '@masetra/react';
import { useNavigate } from 'react-router';
import { Page } from '../routing/Page';
import { demoCharts } from './ReportsPage';
import { recordPath } from './recordSections';

export function DashboardPage() {
  const navigate = useNavigate();
  return (
    <Page title="Dashboard">
      <div className="demo-dashboard">
        <Dashboard charts={demoCharts} />
        <NotificationsList
          onOpenNotification={(notification: Notification) => {
            if (notification.recordType && notification.recordId) {
              navigate(recordPath({ type: notification.recordType, id: notification.recordId }));
            }
          }}
        />
      </div>
    </Page>
  );
}
