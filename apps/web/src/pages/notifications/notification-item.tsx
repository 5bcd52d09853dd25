// One notification: what kind, when, its subject and plain-text body, "Unread" in words until it
// is opened, and a link to where the work is (opening it marks it read).

import { useId } from 'react';
import { Link } from 'react-router';
import type { Notification, NotificationKind } from '../../api/notifications-api';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';

const kindWords: Record<NotificationKind, { glyph: string; key: MessageKey; open: MessageKey }> = {
  reminder: {
    glyph: '⏰',
    key: 'notifications.kind.reminder',
    open: 'notifications.open.reminder',
  },
  returned: { glyph: '↩', key: 'notifications.kind.returned', open: 'notifications.open.returned' },
  reopened: { glyph: '↺', key: 'notifications.kind.reopened', open: 'notifications.open.reopened' },
  submitted: {
    glyph: '◔',
    key: 'notifications.kind.submitted',
    open: 'notifications.open.submitted',
  },
  // A partnership survey to answer, and a reminder before it closes: both lead to its form.
  survey_invitation: {
    glyph: '✉',
    key: 'notifications.kind.survey_invitation',
    open: 'notifications.open.survey_invitation',
  },
  survey_reminder: {
    glyph: '⏰',
    key: 'notifications.kind.survey_reminder',
    open: 'notifications.open.survey_reminder',
  },
};

/** Paragraphs of a plain-text body: separated by blank lines. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Only a path of this site is followed: never another origin. */
export function inAppPath(link: string): string | null {
  return /^\/(?![/\\])/.test(link) ? link : null;
}

export function NotificationItem({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: (id: string) => void;
}) {
  const { t, formatDate } = useI18n();
  const subjectId = useId();
  const kind = kindWords[notification.kind];
  const to = inAppPath(notification.link);
  return (
    <li className={`notification${notification.read ? '' : ' notification-unread'}`}>
      <article aria-labelledby={subjectId}>
        <p className="notification-meta">
          {notification.read ? null : (
            <span className="notification-new">{t('notifications.unread')}</span>
          )}
          <span className="notification-kind">
            <span aria-hidden="true">{kind.glyph}</span> {t(kind.key)}
          </span>
          <time dateTime={notification.at}>
            {formatDate(notification.at, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        </p>
        {/* Written in the recipient's language of the day: said in that language. */}
        <h2 id={subjectId} className="notification-subject" lang={notification.lang}>
          {notification.subject}
        </h2>
        <div className="notification-body" lang={notification.lang}>
          {paragraphsOf(notification.body).map((text, index) => (
            // Paragraphs have no identity of their own; their order never changes.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <p key={index}>{text}</p>
          ))}
        </div>
        {to ? (
          <Link
            to={to}
            className="notification-link"
            aria-describedby={subjectId}
            onClick={() => {
              if (!notification.read) onOpen(notification.id);
            }}
          >
            {t(kind.open)}
          </Link>
        ) : null}
      </article>
    </li>
  );
}
