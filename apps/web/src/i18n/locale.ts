// Which language the client speaks: the link's `?lang=`, else the saved choice, else the user's,
// else the browser's.

export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

const storageKey = 'rba.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The first supported language among the browser's preferences ("fr-CA" counts as French). */
export function browserLocale(languages: readonly string[] | undefined): Locale {
  for (const tag of languages ?? []) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

/** The language the person chose with the switch, if any; storage can be unavailable. */
export function readSavedLocale(): Locale | null {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey);
    return isLocale(saved) ? saved : null;
  } catch {
    return null;
  }
}

export function saveLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(storageKey, locale);
  } catch {
    // Private browsing or a full quota: the choice then lasts for this page only.
  }
}

/** The language a link asks for with `?lang=en|fr` (a public scorecard's link), if any. */
export function urlLocale(search: string | undefined = globalThis.location?.search): Locale | null {
  const asked = new URLSearchParams(search ?? '').get('lang');
  return isLocale(asked) ? asked : null;
}

export function initialLocale(): Locale {
  return urlLocale() ?? readSavedLocale() ?? browserLocale(globalThis.navigator?.languages);
}
