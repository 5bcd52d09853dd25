// The language of an answer's error messages: the signed-in user's saved locale, else the first
// of English and French the request's Accept-Language prefers (q-values honoured), else English.
// docs/api.md#errors states the rule.
import type { Locale } from '@rba/schema';

const SUPPORTED: readonly Locale[] = ['en', 'fr'];

/**
 * The supported language an Accept-Language header prefers, or undefined when it names none
 * (absent, empty, `*`, or only other languages). `fr-CA,fr;q=0.9,en;q=0.8` → fr;
 * `en;q=0.5, fr` → fr; `fr;q=0` (not acceptable) is skipped.
 */
export function acceptedLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges: { lang: string; q: number; order: number }[] = [];
  for (const [order, part] of header.split(',').entries()) {
    const [range = '', ...parameters] = part.trim().split(';');
    const lang = range.trim().toLowerCase().split('-')[0] ?? '';
    if (!lang) continue;
    let q = 1;
    for (const parameter of parameters) {
      const [name, value] = parameter.split('=').map((s) => s.trim());
      if (name?.toLowerCase() === 'q' && value !== undefined) {
        q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : 0;
      }
    }
    if (q > 0) ranges.push({ lang, q, order });
  }
  ranges.sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { lang } of ranges) {
    if (lang === '*') return undefined;
    const found = SUPPORTED.find((l) => l === lang);
    if (found) return found;
  }
  return undefined;
}

/**
 * The language of a request's error messages, as the contract orders it: the signed-in user's
 * saved locale, else Accept-Language, else English.
 */
export function requestLanguage(
  acceptLanguage: string | string[] | undefined,
  userLocale: Locale | undefined,
): Locale {
  if (userLocale) return userLocale;
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  return acceptedLanguage(header) ?? 'en';
}
