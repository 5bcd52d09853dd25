// Numbers and dates through Intl, for the client's language; formatters are cached. French
// groups thousands with a narrow no-break space (12 345,5), as Canadian French typography
// writes it, whatever space the browser's Intl data puts there.

import type { Locale } from './locale';

const intlTags: Record<Locale, string> = { en: 'en-CA', fr: 'fr-CA' };

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlTags[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

const narrowNoBreakSpace = '\u202f';

function written(locale: Locale, format: Intl.NumberFormat, value: number): string {
  if (locale !== 'fr') return format.format(value);
  return format
    .formatToParts(value)
    .map((part) => (part.type === 'group' ? narrowNoBreakSpace : part.value))
    .join('');
}

export function formatNumber(
  locale: Locale,
  value: number,
  options: Intl.NumberFormatOptions = {},
): string {
  return written(locale, numberFormat(locale, options), value);
}

/** A percentage given as 0–100 (as the API reports it): 45.2 → "45.2%" or "45,2 %". */
export function formatPercent(locale: Locale, value: number, decimals = 1): string {
  const format = numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: decimals,
  });
  return written(locale, format, value / 100);
}

/** A calendar date: "YYYY-MM-DD" strings are read as that day, whatever the time zone. */
export function formatDate(
  locale: Locale,
  date: Date | string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const isDay = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const value = isDay ? new Date(`${date}T00:00:00Z`) : new Date(date);
  const key = `${locale}|${isDay}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      intlTags[locale],
      isDay ? { ...options, timeZone: 'UTC' } : options,
    );
    dateFormats.set(key, format);
  }
  return format.format(value);
}
