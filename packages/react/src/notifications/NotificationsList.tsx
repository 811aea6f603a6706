import type { Notification } from '@masetra/core';
import { useId } from 'react';
import { useMarkNotificationRead, useNotifications } from '../hooks/useNotifications';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';

export type NotificationsListSlot =
  | 'root'
  | 'title'
  | 'list'
  | 'item'
  | 'itemTitle'
  | 'body'
  | 'meta'
  | 'actions';

export interface NotificationsListProps {
  /** Called when a notification is opened, e.g. to navigate to its record. */
  onOpenNotification?: (notification: Notification) => void;
  /** Notifications per page. Default 50. */
  pageSize?: number;
  /** The heading; "Notifications" by default. */
  title?: string;
  className?: string;
  classNames?: ClassNames<NotificationsListSlot>;
}

/**
 * The signed-in user's notifications, newest first: unread ones marked, each openable and
 * markable as read.
 *
 * @example
 * <NotificationsList onOpenNotification={(n) => n.recordId && open(n.recordType, n.recordId)} />
 */
export function NotificationsList({
  onOpenNotification,
  pageSize,
  title,
  className,
  classNames,
}: NotificationsListProps) {
  const { t, format } = useQms();
  const slots = useSlots('notifications', className, classNames);
  const id = useId();
  const notifications = useNotifications({ pageSize });
  const markRead = useMarkNotificationRead();
  const items = notifications.data ?? [];

  return (
    <section className={slots('root')} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
        {title ?? t('notifications.title')}
      </h3>
      {notifications.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : notifications.isError ? (
        <div className={slots.ui('alert')} role="alert">
          <p>{describeError(t, notifications.error)}</p>
          <button type="button" className={slots.ui('button')} onClick={() => void notifications.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : items.length === 0 ? (
        <p className={slots.ui('hint')}>{t('notifications.empty')}</p>
      ) : (
        <ul className={slots('list')}>
          {items.map((notification) => {
            const unread = notification.readAt === null;
            return (
              <li key={notification.id} className={slots('item')} data-unread={unread || undefined}>
                <p className={slots('itemTitle')}>
                  {unread && <span className={slots.ui('hint')}>{`${t('notifications.unread')}: `}</span>}
                  {onOpenNotification ? (
                    <button
                      type="button"
                      className={slots.ui('button')}
                      data-variant="link"
                      onClick={() => {
                        if (unread) markRead.mutate(notification.id);
                        onOpenNotification(notification);
                      }}
                    >
                      {notification.title}
                    </button>
                  ) : (
                    <strong>{notification.title}</strong>
                  )}
                </p>
                {notification.body && <p className={slots('body')}>{notification.body}</p>}
                <p className={slots('meta')}>
                  <time dateTime={notification.createdAt}>{format.dateTime(notification.createdAt)}</time>
                </p>
                {unread && (
                  <div className={slots('actions')}>
                    <button
                      type="button"
                      className={slots.ui('button')}
                      data-variant="quiet"
                      aria-label={`${t('notifications.markRead')}: ${notification.title}`}
                      disabled={markRead.isPending}
                      onClick={() => markRead.mutate(notification.id)}
                    >
                      {t('notifications.markRead')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {notifications.hasNextPage && (
        <button
          type="button"
          className={slots.ui('button')}
          onClick={() => void notifications.fetchNextPage()}
        >
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
