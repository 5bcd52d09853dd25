// Names in the caller's language (the contract's "Languages"). Everything people name is stored
// twice, English and French (`name` and `name_fr`…); repositories and services pass both on as
// `name` and `nameFr`. This is the one place that picks: every object of a JSON answer that
// carries `xFr` beside `x` (x one of the stems below) leaves with
// - `x` in the caller's language: for French the French, else the English (the fallback);
//   for English the English as stored (names, titles, labels and populations always have one;
//   an English description left empty stays empty rather than show French);
// - `xFr` as stored (null: not translated), which tells a client that a French `x` is the
//   English fallback (to mark it `lang="en"`). With `?lang=en`, `x` and `xFr` are exactly what
//   is stored: what an edit form fills its two fields from.
// Objects without such a pair are passed on untouched; objects with one are copied, never
// changed in place (a service may hand out what it caches).
import type { Locale } from '@rba/schema';

/** The stems of every field that has a French twin. */
export const LOCALIZED_STEMS = [
  'name',
  'title',
  'label',
  'population',
  'description',
  'definition',
] as const;

const TWINS = LOCALIZED_STEMS.map((stem) => ({ stem, fr: `${stem}Fr` }));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The text in `lang`: French when there is one, else the English; English as stored. */
export function pick<T extends string | null>(lang: Locale, en: T, fr: unknown): T | string {
  return lang === 'fr' ? (text(fr) ?? en) : en;
}

function frenchObject(source: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === null || typeof value !== 'object') continue;
    const localized = french(value);
    if (localized !== value) {
      out ??= { ...source };
      out[key] = localized;
    }
  }
  for (const { stem, fr } of TWINS) {
    if (!Object.hasOwn(source, stem) || text(source[fr]) === null) continue;
    out ??= { ...source };
    out[stem] = source[fr];
  }
  return out ?? source;
}

/**
 * `payload` with every named thing in `lang` (see the file's head). Returns `payload` itself when
 * nothing in it changes (always, in English); never changes it.
 */
export function localize<T>(payload: T, lang: Locale): T {
  return lang === 'fr' ? french(payload) : payload;
}

function french<T>(payload: T): T {
  if (Array.isArray(payload)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < payload.length; i++) {
      const item = payload[i];
      if (item === null || typeof item !== 'object') continue;
      const localized = french(item);
      if (localized !== item) {
        out ??= payload.slice();
        out[i] = localized;
      }
    }
    return (out ?? payload) as T;
  }
  if (!isPlainObject(payload)) return payload;
  return frenchObject(payload) as T;
}
