// The language context: the current locale, the message lookup and the Intl formatters.

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import { setRequestLocale } from '../api/client';
import { formatDate, formatNumber, formatPercent } from './format';
import { initialLocale, type Locale, readSavedLocale, saveLocale, urlLocale } from './locale';
import { en, type MessageKey, type Messages } from './messages.en';
import { fr } from './messages.fr';
import { periodName } from './period-name';

const catalogues: Record<Locale, Messages> = { en, fr };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface I18nValue {
  locale: Locale;
  /** The person's explicit choice: applied and remembered. */
  setLocale: (locale: Locale) => void;
  /** A default (the signed-in user's language): applied only when nothing was chosen. */
  offerLocale: (locale: Locale) => void;
  /** Applied for this visit without being remembered (a link's `?lang=`). */
  showLocale: (locale: Locale) => void;
  t: Translate;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  formatPercent: (value: number, decimals?: number) => string;
  formatDate: (date: Date | string, options?: Intl.DateTimeFormatOptions) => string;
  /** A period label (`2025-Q3`, `FY2025-26-Q1`) as this language writes it. */
  periodName: (label: string) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function interpolate(
  template: string,
  params: MessageParams | undefined,
  locale: Locale,
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

export function I18nProvider({
  children,
  locale: fixedLocale,
}: {
  children: ReactNode;
  /** Start in this language instead of the saved or browser one (tests). */
  locale?: Locale;
}) {
  const [locale, setCurrent] = useState<Locale>(() => {
    const first = fixedLocale ?? initialLocale();
    // Before the first query starts: the page's first requests already ask in this language.
    setRequestLocale(first);
    return first;
  });

  // The request language is set where the language changes (below), before any effect runs: a
  // page that adopts its link's language in a layout effect must not be set back here.
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // Each change asks in the new language at once: a query a change starts, or the refetch it
  // causes, must not go out in the old one.
  const apply = useCallback((next: Locale) => {
    setRequestLocale(next);
    setCurrent(next);
  }, []);

  const setLocale = useCallback(
    (next: Locale) => {
      saveLocale(next);
      apply(next);
    },
    [apply],
  );

  const offerLocale = useCallback(
    (next: Locale) => {
      // A link's `?lang=` and a choice made with the switch both come before the account's language.
      if (readSavedLocale() === null && urlLocale() === null) apply(next);
    },
    [apply],
  );

  const value = useMemo<I18nValue>(() => {
    const messages = catalogues[locale];
    return {
      locale,
      setLocale,
      offerLocale,
      showLocale: apply,
      t: (key, params) => interpolate(messages[key], params, locale),
      formatNumber: (n, options) => formatNumber(locale, n, options),
      formatPercent: (n, decimals) => formatPercent(locale, n, decimals),
      formatDate: (date, options) => formatDate(locale, date, options),
      periodName: (label) => periodName(label, locale),
    };
  }, [locale, setLocale, offerLocale, apply]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
