// The reminder days of a table as people type them ("-7, -1, 3": days from the due date), read
// into the list the API takes or the first problem in words, and said back in words.

import type { MessageParams, Translate } from '../../i18n/i18n-provider';
import type { Locale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages.en';

/**
 * The most days from the due date, and the most reminders, @rba/schema accepts (a test keeps them
 * equal); copied so the page's bundle carries no zod.
 */
export const offsetLimit = 60;
export const maxReminders = 10;

export type OffsetsProblem = { key: MessageKey; params?: MessageParams };

export type ParsedOffsets = { offsets: number[] } | { problem: OffsetsProblem };

export function formatOffsets(offsets: readonly number[]): string {
  return offsets.join(', ');
}

export function parseOffsets(text: string, enabled: boolean): ParsedOffsets {
  const parts = text
    .replace(/\u2212/g, '-')
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const offsets: number[] = [];
  for (const part of parts) {
    if (!/^[+-]?\d+$/.test(part)) {
      return { problem: { key: 'status.reminders.error.notWhole', params: { value: part } } };
    }
    const days = Number(part);
    if (Math.abs(days) > offsetLimit) {
      return {
        problem: {
          key: 'status.reminders.error.range',
          params: { value: part, limit: offsetLimit },
        },
      };
    }
    if (offsets.includes(days)) {
      return { problem: { key: 'status.reminders.error.repeated', params: { value: part } } };
    }
    offsets.push(days);
  }
  if (offsets.length > maxReminders) {
    return { problem: { key: 'status.reminders.error.tooMany', params: { count: maxReminders } } };
  }
  if (enabled && offsets.length === 0) return { problem: { key: 'status.reminders.error.none' } };
  return { offsets: offsets.sort((a, b) => a - b) };
}

/** A reminder day in words: "7 days before", "on the due date", "3 days after". */
export function offsetWord(t: Translate, days: number): string {
  if (days === 0) return t('status.reminders.onDue');
  const count = Math.abs(days);
  if (days < 0) {
    return count === 1
      ? t('status.reminders.before.one')
      : t('status.reminders.before.many', { count });
  }
  return count === 1
    ? t('status.reminders.after.one')
    : t('status.reminders.after.many', { count });
}

/** "7 days before, 1 day before and 3 days after", in the reader's language. */
export function offsetsInWords(t: Translate, locale: Locale, offsets: readonly number[]): string {
  const words = [...offsets].sort((a, b) => a - b).map((days) => offsetWord(t, days));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(words);
}
