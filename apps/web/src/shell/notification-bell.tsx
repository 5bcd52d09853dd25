// The bell in the top bar: a link to the notifications, with how many are unread in words (never
// a coloured dot alone). Polls every minute and on window focus.

import { NavLink } from 'react-router';
import { useI18n } from '../i18n/i18n-provider';
import { useNotifications } from '../pages/notifications/use-notifications';

export const notificationsPath = '/notifications';

/** Drawn rather than an emoji, which not every system has a font for. */
function BellIcon() {
  return (
    <svg className="bell-glyph" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path
        fill="currentColor"
        d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v2.8l1.3 1.6a.6.6 0 0 1-.5 1H2.7a.6.6 0 0 1-.5-1l1.3-1.6V7.5A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1ZM6.3 13.6h3.4a1.7 1.7 0 0 1-3.4 0Z"
      />
    </svg>
  );
}

export function NotificationBell() {
  const { t } = useI18n();
  const notifications = useNotifications();
  const unread = notifications.data?.unread ?? 0;
  return (
    <NavLink to={notificationsPath} className="bell">
      <BellIcon />
      <span>{t('bell.label')}</span>
      {unread > 0 ? (
        <span className="bell-count">
          {unread === 1 ? t('bell.unreadOne') : t('bell.unread', { count: unread })}
        </span>
      ) : null}
    </NavLink>
  );
}
