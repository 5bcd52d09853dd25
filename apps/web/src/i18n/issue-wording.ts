// A refused request's problems (a VALIDATION_ERROR's `details[]`, or `details.issues` of a 422)
// in the reader's own words, next to the field each one concerns. The API words them too, but
// the client says them itself from the code and its params (docs/api.md, "Validation issues"),
// so the sentence fits the form and the language of the page, not the request.
//
// The codes are @rba/schema's ISSUE_CODES; only the type is imported, so that no page carries zod
// for them. The table's type makes a missing code a compile error, and a test compares it with
// the schema's list.

import type { IssueCode } from '@rba/schema';
import { ApiError } from '../api/client';
import { formatNumber } from './format';
import type { Locale } from './locale';

/** One problem as the API gives it: where (dotted), what, its figures, and the API's words. */
export interface Issue {
  path: string;
  code: string;
  params: Record<string, unknown>;
  message?: string;
}

type Params = Record<string, unknown>;
type Words = (p: Params, locale: Locale) => string;

function num(value: unknown, locale: Locale): string {
  return typeof value === 'number' ? formatNumber(locale, value) : String(value ?? '');
}

/** ['a', 'b', 'c'] → "a, b or c" ("a, b ou c"); `and` for "a, b and c". */
function list(value: unknown, locale: Locale, and = false): string {
  const items = Array.isArray(value) ? value.map(String) : [];
  const last = items.pop();
  if (last === undefined) return '';
  if (items.length === 0) return last;
  const word = locale === 'fr' ? (and ? 'et' : 'ou') : and ? 'and' : 'or';
  return `${items.join(', ')} ${word} ${last}`;
}

type Pair = Record<Locale, string>;

const formats: Record<string, Pair> = {
  email: {
    en: 'an email address, such as name@example.org',
    fr: 'une adresse courriel, comme nom@exemple.ca',
  },
  uuid: { en: 'an identifier (UUID)', fr: 'un identifiant (UUID)' },
  date: { en: 'a date, such as 2025-04-01', fr: 'une date, comme 2025-04-01' },
  datetime: { en: 'a date and a time', fr: 'une date et une heure' },
  time: { en: 'a time, such as 09:30', fr: 'une heure, comme 09:30' },
  url: {
    en: 'a web address, such as https://example.org',
    fr: 'une adresse Web, comme https://exemple.ca',
  },
  period: {
    en: 'a period such as 2025, 2025-Q3, 2025-07 or FY2025-26',
    fr: 'une période comme 2025, 2025-Q3, 2025-07 ou FY2025-26',
  },
  breakdown: {
    en: 'a breakdown such as age:0-14;gender:f',
    fr: 'une ventilation comme age:0-14;gender:f',
  },
  json: { en: 'valid JSON', fr: 'du JSON valide' },
  csv: { en: 'a CSV file', fr: 'un fichier CSV' },
  csv_header: {
    en: 'a CSV file whose first line names its columns',
    fr: 'un fichier CSV dont la première ligne nomme les colonnes',
  },
};

const types: Record<string, Pair> = {
  string: { en: 'text', fr: 'du texte' },
  number: { en: 'a number', fr: 'un nombre' },
  boolean: { en: 'yes or no', fr: 'oui ou non' },
  object: { en: 'a group of values', fr: 'un groupe de valeurs' },
  array: { en: 'a list', fr: 'une liste' },
};

const periodTypes: Record<string, Pair> = {
  year: { en: 'year', fr: 'année' },
  quarter: { en: 'quarter', fr: 'trimestre' },
  month: { en: 'month', fr: 'mois' },
  fiscal_year: { en: 'fiscal year', fr: 'exercice financier' },
  fiscal_quarter: { en: 'fiscal quarter', fr: 'trimestre d’exercice' },
};

const periodType = (value: unknown, locale: Locale) =>
  periodTypes[String(value)]?.[locale] ?? String(value);

const measureRules: Record<string, Pair> = {
  ratio_needs_percent_or_rate: {
    en: 'Only a percentage or a rate can be combined as a ratio.',
    fr: 'Seuls un pourcentage ou un taux peuvent se combiner en ratio.',
  },
  latest_is_for_periods: {
    en: '“Latest” combines periods, not agencies: choose it for the periods.',
    fr: '« Dernière valeur » combine des périodes, pas des organismes : choisissez-la pour les périodes.',
  },
  period_ratio_needs_ratio: {
    en: 'A ratio over periods needs a measure entered as a numerator and a denominator.',
    fr: 'Un ratio sur plusieurs périodes demande une mesure saisie en numérateur et dénominateur.',
  },
  indicator_has_no_category: {
    en: 'An indicator has no performance category: leave it empty.',
    fr: 'Un indicateur n’a pas de catégorie de rendement : laissez-la vide.',
  },
  shared_measure_needs_program: {
    en: 'Only a program’s measure can report to a shared measure.',
    fr: 'Seule la mesure d’un programme peut alimenter une mesure commune.',
  },
};

const notAvailable: Record<string, Pair> = {
  measure: {
    en: 'This measure is not one of this agency’s.',
    fr: 'Cette mesure n’est pas une mesure de cet organisme.',
  },
  result: {
    en: 'This result is not one of this planning table’s.',
    fr: 'Ce résultat n’est pas un résultat de cette table de planification.',
  },
  organization: {
    en: 'This agency does not take part in this survey.',
    fr: 'Cet organisme ne participe pas à ce sondage.',
  },
};

const byLocale = (en: Words, fr: Words): Record<Locale, Words> => ({ en, fr });

/** Each code in each language: what to do, said to the person at the field. */
const words: Record<IssueCode, Record<Locale, Words>> = {
  required: byLocale(
    () => 'Fill in this field.',
    () => 'Remplissez ce champ.',
  ),
  invalid_type: byLocale(
    (p) => `Enter ${types[String(p.expected)]?.en ?? 'a value of the expected kind'}.`,
    (p) => `Saisissez ${types[String(p.expected)]?.fr ?? 'une valeur du type attendu'}.`,
  ),
  not_a_number: byLocale(
    (_, l) => `Enter a number, such as 42 or ${num(12.5, l)}.`,
    (_, l) => `Saisissez un nombre, comme 42 ou ${num(12.5, l)}.`,
  ),
  not_integer: byLocale(
    (p, l) =>
      p.minimum === undefined
        ? 'Enter a whole number.'
        : `Enter a whole number, ${num(p.minimum, l)} or more.`,
    (p, l) =>
      p.minimum === undefined
        ? 'Saisissez un nombre entier.'
        : `Saisissez un nombre entier, ${num(p.minimum, l)} ou plus.`,
  ),
  too_small: byLocale(
    (p, l) =>
      p.inclusive === false
        ? `Enter more than ${num(p.minimum, l)}.`
        : `Enter ${num(p.minimum, l)} or more.`,
    (p, l) =>
      p.inclusive === false
        ? `Saisissez plus de ${num(p.minimum, l)}.`
        : `Saisissez ${num(p.minimum, l)} ou plus.`,
  ),
  too_big: byLocale(
    (p, l) =>
      p.inclusive === false
        ? `Enter less than ${num(p.maximum, l)}.`
        : `Enter ${num(p.maximum, l)} or less.`,
    (p, l) =>
      p.inclusive === false
        ? `Saisissez moins de ${num(p.maximum, l)}.`
        : `Saisissez ${num(p.maximum, l)} ou moins.`,
  ),
  too_short: byLocale(
    (p, l) =>
      p.minimum === 1 || p.minimum === undefined
        ? 'Fill in this field.'
        : `Enter at least ${num(p.minimum, l)} characters.`,
    (p, l) =>
      p.minimum === 1 || p.minimum === undefined
        ? 'Remplissez ce champ.'
        : `Saisissez au moins ${num(p.minimum, l)} caractères.`,
  ),
  too_long: byLocale(
    (p, l) => `Shorten this to ${num(p.maximum, l)} characters or fewer.`,
    (p, l) => `Raccourcissez ce texte à ${num(p.maximum, l)} caractères ou moins.`,
  ),
  too_few: byLocale(
    (p, l) => `Give at least ${num(p.minimum, l)}.`,
    (p, l) => `Indiquez-en au moins ${num(p.minimum, l)}.`,
  ),
  too_many: byLocale(
    (p, l) => `Give at most ${num(p.maximum, l)}.`,
    (p, l) => `Indiquez-en au plus ${num(p.maximum, l)}.`,
  ),
  invalid_format: byLocale(
    (p) => {
      const format = formats[String(p.format)]?.en;
      return format ? `Enter ${format}.` : 'This is not in the form this field takes.';
    },
    (p) => {
      const format = formats[String(p.format)]?.fr;
      return format ? `Saisissez ${format}.` : 'Ce texte n’a pas la forme attendue pour ce champ.';
    },
  ),
  invalid_option: byLocale(
    (p, l) => `Choose one of: ${list(p.options, l)}.`,
    (p, l) => `Choisissez l’une de ces valeurs : ${list(p.options, l)}.`,
  ),
  unknown_field: byLocale(
    (p) => `“${String(p.field)}” is not taken here; remove it.`,
    (p) => `« ${String(p.field)} » n’est pas accepté ici ; retirez-le.`,
  ),
  duplicate: byLocale(
    (p) =>
      p.value === undefined ? 'This is given twice.' : `“${String(p.value)}” is given twice.`,
    (p) =>
      p.value === undefined
        ? 'Cet élément est donné deux fois.'
        : `« ${String(p.value)} » est donné deux fois.`,
  ),
  out_of_order: byLocale(
    (p, l) => `Put ${list(p.fields, l, true)} in that order.`,
    (p, l) => `Mettez ${list(p.fields, l, true)} dans cet ordre.`,
  ),
  nothing_to_change: byLocale(
    () => 'Nothing has changed: change something before saving.',
    () => 'Rien n’a changé : modifiez quelque chose avant d’enregistrer.',
  ),
  not_storable: byLocale(
    () => 'This is too large to be saved.',
    () => 'Cette valeur est trop grande pour être enregistrée.',
  ),
  contains_nul: byLocale(
    () => 'Remove the invisible NUL character from this text.',
    () => 'Retirez le caractère invisible NUL de ce texte.',
  ),
  unknown_code: byLocale(
    (p, l) => `Not known here: ${list(p.values, l, true)}.`,
    (p, l) => `Inconnu ici : ${list(p.values, l, true)}.`,
  ),
  one_of: byLocale(
    (p, l) =>
      p.exactly === true
        ? `Give exactly one of ${list(p.fields, l)}.`
        : `Give ${list(p.fields, l)}: at least one.`,
    (p, l) =>
      p.exactly === true
        ? `Indiquez un seul de ces éléments : ${list(p.fields, l)}.`
        : `Indiquez ${list(p.fields, l)} : au moins l’un des deux.`,
  ),
  go_together: byLocale(
    (p, l) => `Give both ${list(p.fields, l, true)}, or neither.`,
    (p, l) => `Indiquez ${list(p.fields, l, true)} ensemble, ou aucun des deux.`,
  ),
  invalid: byLocale(
    () => 'This value is not accepted.',
    () => 'Cette valeur n’est pas acceptée.',
  ),
  numerator_exceeds_denominator: byLocale(
    () => 'The numerator cannot be more than the denominator.',
    () => 'Le numérateur ne peut pas dépasser le dénominateur.',
  ),
  zero_denominator: byLocale(
    () => 'The denominator cannot be 0.',
    () => 'Le dénominateur ne peut pas être 0.',
  ),
  numerator_and_denominator: byLocale(
    () => 'Enter both the numerator and the denominator, or neither.',
    () => 'Saisissez le numérateur et le dénominateur, ou ni l’un ni l’autre.',
  ),
  value_is_derived: byLocale(
    () => 'Enter the numerator and the denominator: the value is worked out from them.',
    () => 'Saisissez le numérateur et le dénominateur : la valeur en est calculée.',
  ),
  single_value_only: byLocale(
    () => 'Enter one value here, not a numerator and a denominator.',
    () => 'Saisissez une seule valeur ici, pas un numérateur et un dénominateur.',
  ),
  part_exceeds_total: byLocale(
    (p, l) => {
      const parts = list(p.breakdowns, l, true);
      return parts
        ? `A part cannot be more than the total (${parts}).`
        : 'A part cannot be more than the total.';
    },
    (p, l) => {
      const parts = list(p.breakdowns, l, true);
      return parts
        ? `Une partie ne peut pas dépasser le total (${parts}).`
        : 'Une partie ne peut pas dépasser le total.';
    },
  ),
  not_available: byLocale(
    (p) => notAvailable[String(p.entity)]?.en ?? 'This cannot be chosen here.',
    (p) => notAvailable[String(p.entity)]?.fr ?? 'Ce choix n’est pas possible ici.',
  ),
  unknown_dimension: byLocale(
    (p, l) =>
      Array.isArray(p.dimensions) && p.dimensions.length > 0
        ? `This measure is not broken down by ${String(p.dimension)}; choose ${list(p.dimensions, l)}.`
        : `This measure has no breakdowns, so ${String(p.dimension)} cannot be used.`,
    (p, l) =>
      Array.isArray(p.dimensions) && p.dimensions.length > 0
        ? `Cette mesure n’est pas ventilée par ${String(p.dimension)} ; choisissez ${list(p.dimensions, l)}.`
        : `Cette mesure n’a pas de ventilation : ${String(p.dimension)} ne peut pas servir.`,
  ),
  unknown_dimension_value: byLocale(
    (p) => `“${String(p.value)}” is not one of the values of ${String(p.dimension)}.`,
    (p) => `« ${String(p.value)} » n’est pas une des valeurs de ${String(p.dimension)}.`,
  ),
  wrong_period_type: byLocale(
    (p, l) => {
      const expected = Array.isArray(p.expected) ? p.expected.map((x) => periodType(x, l)) : [];
      return `Enter a ${list(expected, l)}, not a ${periodType(p.periodType, l)}.`;
    },
    (p, l) => {
      const expected = Array.isArray(p.expected) ? p.expected.map((x) => periodType(x, l)) : [];
      return `Saisissez une période de type ${list(expected, l)}, pas ${periodType(p.periodType, l)}.`;
    },
  ),
  measure_rule: byLocale(
    (p) => measureRules[String(p.rule)]?.en ?? 'These settings of the measure do not go together.',
    (p) => measureRules[String(p.rule)]?.fr ?? 'Ces paramètres de la mesure ne vont pas ensemble.',
  ),
  rates_itself: byLocale(
    () => 'An agency does not rate itself: leave its own row empty.',
    () => 'Un organisme ne s’évalue pas lui-même : laissez sa propre ligne vide.',
  ),
  level_zero_has_ratings: byLocale(
    () => 'With no contact (level 0), leave trust and value empty.',
    () => 'Sans contact (niveau 0), laissez la confiance et la valeur vides.',
  ),
  ratings_missing: byLocale(
    () => 'With some contact (level 1 or more), answer the three trust and three value questions.',
    () =>
      'Avec un contact (niveau 1 ou plus), répondez aux trois questions sur la confiance et aux trois sur la valeur.',
  ),
  invalid_upload: byLocale(
    () => 'Choose a file and its layout, then send them again.',
    () => 'Choisissez un fichier et sa disposition, puis envoyez-les de nouveau.',
  ),
};

/** The codes this module words in a language (a test compares them with ISSUE_CODES). */
export function wordedCodes(locale: Locale): string[] {
  return Object.entries(words)
    .filter(([, pair]) => typeof pair[locale] === 'function')
    .map(([code]) => code);
}

function isKnown(code: string): code is IssueCode {
  return Object.hasOwn(words, code);
}

/**
 * One problem in plain words, in a language. A code newer than this client is said with the API's
 * own message (already in the caller's language), else as "not accepted".
 */
export function wordIssue(
  issue: { code: string; params?: Params; message?: string },
  locale: Locale,
): string {
  const params = issue.params ?? {};
  if (isKnown(issue.code)) return words[issue.code][locale](params, locale);
  if (typeof issue.message === 'string' && issue.message.trim() !== '') return issue.message;
  return words.invalid[locale](params, locale);
}

function asIssue(value: unknown): Issue | null {
  if (typeof value !== 'object' || value === null) return null;
  const { path, code, params, message } = value as Record<string, unknown>;
  if (typeof path !== 'string') return null;
  return {
    path,
    code: typeof code === 'string' ? code : 'invalid',
    params: typeof params === 'object' && params !== null ? (params as Params) : {},
    ...(typeof message === 'string' ? { message } : {}),
  };
}

/**
 * The problems an error carries: a VALIDATION_ERROR's `details` list, or `details.issues` of the
 * codes that keep object details (BREAKDOWN_EXCEEDS_TOTAL). Empty for every other error.
 */
export function errorIssues(error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details;
  const raw = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null
      ? (details as { issues?: unknown }).issues
      : undefined;
  if (!Array.isArray(raw)) return [];
  return raw.map(asIssue).filter((i): i is Issue => i !== null);
}

/** The parts of a request a path starts with (docs/api.md): not a field's name. */
const requestParts = new Set(['body', 'query', 'params', 'file', 'mapping']);

/**
 * Which of a form's fields a problem's path names: 'body.name' → 'name'; for a nested path
 * ('body.items.3.value') the whole remainder, then each shorter start of it ('items.3',
 * 'items'), then its last segment that is not an index ('value'). An upload's part alone
 * ('file') names the part. Null when none is a field.
 */
export function fieldOfPath(path: string, fields: readonly string[]): string | null {
  const segments = path.split('.').filter((s) => s !== '');
  const inner = requestParts.has(segments[0] ?? '') ? segments.slice(1) : segments;
  const candidates: string[] = [];
  for (let end = inner.length; end > 0; end--) candidates.push(inner.slice(0, end).join('.'));
  const last = [...inner].reverse().find((s) => !/^\d+$/.test(s));
  if (last) candidates.push(last);
  if (inner.length === 0 && segments.length === 1) candidates.push(segments[0] as string);
  return candidates.find((c) => fields.includes(c)) ?? null;
}

export interface WordedIssues {
  /** The first problem of each field, worded, by the form's field name. */
  fields: Record<string, string>;
  /** Problems that name none of the form's fields, worded, for a summary above the form. */
  others: string[];
}

/** A refused request's problems, worded and put next to the form's fields (else in a summary). */
export function wordIssues(
  issues: readonly Issue[],
  fields: readonly string[],
  locale: Locale,
): WordedIssues {
  const byField: Record<string, string> = {};
  const others: string[] = [];
  for (const issue of issues) {
    const text = wordIssue(issue, locale);
    const field = fieldOfPath(issue.path, fields);
    if (field === null) {
      if (!others.includes(text)) others.push(text);
    } else if (!(field in byField)) {
      byField[field] = text;
    }
  }
  return { fields: byField, others };
}
