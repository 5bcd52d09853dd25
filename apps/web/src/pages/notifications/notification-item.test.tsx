// The two kinds of a partnership survey (issue #23): named in the reader's language, and leading
// to the survey's form for the agency the message is about.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../api/notifications-api';
import { I18nProvider } from '../../i18n/i18n-provider';
import { NotificationItem } from './notification-item';

afterEach(cleanup);

const survey = 'b2b2b2b2-0000-4000-8000-000000000002';
const org = 'a1a1a1a1-0000-4000-8000-000000000001';
const link = `/partnerships/surveys/${survey}/response?organization=${org}`;

function show(notification: Notification, locale: 'en' | 'fr' = 'en') {
  const onOpen = vi.fn();
  render(
    <I18nProvider locale={locale}>
      <MemoryRouter>
        <ul>
          <NotificationItem notification={notification} onOpen={onOpen} />
        </ul>
      </MemoryRouter>
    </I18nProvider>,
  );
  return onOpen;
}

const invitation: Notification = {
  id: 'e1e1e1e1-0000-4000-8000-000000000001',
  kind: 'survey_invitation',
  at: '2026-12-06T09:00:00.000Z',
  lang: 'en',
  subject: 'Partnership survey of Northshire: How we work together (answer by December 16, 2026)',
  body: 'Northshire asks Bay Services to answer its partnership survey.\n\nRate how Bay Services works with each of the other partner agencies.',
  link,
  read: false,
};

describe('a partnership survey notification', () => {
  it('says it is a survey and leads to its form, marking it read', () => {
    const onOpen = show(invitation);
    expect(screen.getByText('Partnership survey')).toBeTruthy();
    const open = screen.getByRole('link', { name: 'Answer the survey' });
    expect(open.getAttribute('href')).toBe(link);
    fireEvent.click(open);
    expect(onOpen).toHaveBeenCalledWith(invitation.id);
  });

  it('names a reminder before the survey closes, in French too', () => {
    show({ ...invitation, kind: 'survey_reminder', subject: 'Rappel', read: true }, 'fr');
    expect(screen.getByText('Rappel de sondage')).toBeTruthy();
    const open = screen.getByRole('link', { name: 'Répondre au sondage' });
    expect(open.getAttribute('href')).toBe(link);
  });
});
