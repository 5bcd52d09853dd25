// How far a due date is: in whole days, counted on the UTC calendar as the server counts them
// (a period due on the 31st may be submitted at any moment of the 31st, UTC).

import { differenceInCalendarDays } from 'date-fns';
import type { MessageKey } from '../../i18n/messages.en';

/** The UTC calendar day of a moment, as 'YYYY-MM-DD'. */
export function utcDay(moment: Date | string): string {
  return new Date(moment).toISOString().slice(0, 10);
}

function dayNumber(day: string): Date {
  // Noon, so that no time zone or summer-time shift moves it to another calendar day.
  return new Date(`${day}T12:00:00`);
}

/** Days from `today` to the due day: positive before it, 0 on it, negative once it is over. */
export function daysUntilDue(due: string, today: string): number {
  return differenceInCalendarDays(dayNumber(due), dayNumber(today));
}

export interface DueWords {
  key: MessageKey;
  count: number;
}

/** "due in 12 days", "due tomorrow", "due today", "1 day overdue", "3 days overdue". */
export function dueWords(days: number): DueWords {
  if (days > 1) return { key: 'home.due.inDays', count: days };
  if (days === 1) return { key: 'home.due.tomorrow', count: 1 };
  if (days === 0) return { key: 'home.due.today', count: 0 };
  if (days === -1) return { key: 'home.due.overdueOne', count: 1 };
  return { key: 'home.due.overdueMany', count: -days };
}
