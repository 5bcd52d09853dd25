// A name as the API gave it in the caller's language (docs/api.md#languages): `name` is French
// when there is a French one, else the English fallback. The fallback is marked `lang="en"` so
// that a screen reader says it in English and the French walk (e2e) knows it for what it is.
import { useI18n } from '../i18n/i18n-provider';
import type { Locale } from '../i18n/locale';

/** `'en'` when a French page shows the English for want of a French text; otherwise undefined. */
export function fallbackLang(locale: Locale, french: string | null | undefined): 'en' | undefined {
  return locale === 'fr' && !french?.trim() ? 'en' : undefined;
}

/**
 * `text` (the answer's `name`, `title`, `label`…) with `lang="en"` when it is the English
 * fallback; `french` is the answer's twin field (`nameFr`, `titleFr`…).
 */
export function NameText({ text, french }: { text: string; french: string | null | undefined }) {
  const { locale } = useI18n();
  const lang = fallbackLang(locale, french);
  return lang ? <span lang={lang}>{text}</span> : text;
}
