import type { Notification, RecordBase } from '@masetra/core';
import { Dashboard, NotificationsList } from '@masetra/react';
import { Page } from '../routing/Page';
import { navigate } from '../routing/router';
import { recordPath } from './recordSections';

export function DashboardPage() {
  return (
    <Page title="Dashboard">
      <div className="demo-dashboard">
        <Dashboard onOpenRecord={(record: RecordBase) => navigate(recordPath(record))} />
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
