// The notifications behind the bell, newest first: each opens where the work is and is then
// read; "Mark all as read" clears the count.

import './notifications.css';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../api/error-message';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { NotificationItem } from './notification-item';
import { useMarkAllRead, useMarkRead, useNotifications } from './use-notifications';

export function NotificationsPage() {
  const { t } = useI18n();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [done, setDone] = useState(false);

  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const markAllRead = () => {
    if (markAll.isPending) return;
    setDone(false);
    markAll.mutate(undefined, { onSuccess: () => setDone(true) });
  };

  const actions =
    items.length > 0 ? (
      <button
        type="button"
        className="button"
        onClick={markAllRead}
        aria-disabled={markAll.isPending || undefined}
      >
        {markAll.isPending ? t('notifications.markingAll') : t('notifications.markAll')}
      </button>
    ) : null;

  let content: ReactNode;
  if (notifications.isPending) content = <p className="muted">{t('app.loading')}</p>;
  else if (notifications.error) {
    content = (
      <p className="form-error" role="alert">
        {errorMessage(notifications.error, t)}
      </p>
    );
  } else if (items.length === 0) content = <p className="notice">{t('notifications.empty')}</p>;
  else {
    content = (
      <>
        <p className="notifications-count">
          {unread === 0
            ? t('notifications.allRead')
            : unread === 1
              ? t('notifications.unreadOne')
              : t('notifications.unreadMany', { count: unread })}
        </p>
        <ul className="notifications-list" aria-label={t('notifications.listLabel')}>
          {items.map((n) => (
            <NotificationItem key={n.id} notification={n} onOpen={(id) => markRead.mutate(id)} />
          ))}
        </ul>
      </>
    );
  }

  return (
    <PageLayout title={t('notifications.title')} actions={actions}>
      <p className="lead">{t('notifications.lead')}</p>
      <div role="status" className="notifications-done">
        {done ? t('notifications.markedAll') : ''}
      </div>
      {markAll.error ? (
        <p className="form-error" role="alert">
          {errorMessage(markAll.error, t)}
        </p>
      ) : null}
      {content}
    </PageLayout>
  );
}
