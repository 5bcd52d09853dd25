/**
 * Turns the loose period forms found in spreadsheets (`2021Q2`, `Q2 2021`, `2021/22`, `Apr 2021`,
 * a date…) into a canonical label of the period type a measure reports by.
 */
import { PeriodError } from './errors.js';
import {
  checkFiscalYearStart,
  DEFAULT_FISCAL_YEAR_START,
  formatIsoDate,
  formatPeriod,
  isPeriodType,
  type PeriodRef,
  type PeriodType,
  parseIsoDate,
  periodBounds,
  periodRefContaining,
} from './periods.js';

export interface NormalizePeriodOptions {
  /** The period type the label must be of. */
  readonly type: PeriodType;
  /** Month the fiscal year starts in, 1–12; default 4 (April). */
  readonly fiscalYearStart?: number;
}

export type NormalizePeriodResult =
  | { readonly ok: true; readonly label: string }
  | { readonly ok: false; readonly error: string };

/** What the input says before it is fitted to the target type. */
type Reading =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'period'; readonly ref: PeriodRef };

const MONTH_NAMES = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;

const MONTH_WORD = '([A-Z]{3,9})\\.?';
const DATE_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;
const YEAR_RE = /^(?:CY)?(\d{4})$/;
// "2021-22", "2021/22", "2021-2022": a fiscal year, or (second part 1–12) a month.
const PAIR_RE = /^(FY ?)?(\d{4})[-/](\d{1,2}|\d{4})$/;
const FY_SINGLE_RE = /^FY(\d{4})$/;
const MONTH_YEAR_RE = /^(\d{1,2})[-/](\d{4})$/;
const NAMED_MONTH_RE = new RegExp(`^${MONTH_WORD}[ ,/-]*(\\d{4})$`);
const YEAR_NAMED_MONTH_RE = new RegExp(`^(\\d{4})[ ,/-]*${MONTH_WORD}$`);
const QUARTER_AFTER_RE = /^(\d{4})[ /-]?Q([1-4])$/;
const QUARTER_BEFORE_RE = /^Q([1-4])[ /-]?(\d{4})$/;
const FISCAL = '(?:FY ?)?(\\d{4})[-/](\\d{2}|\\d{4})|FY ?(\\d{4})';
const FISCAL_QUARTER_AFTER_RE = new RegExp(`^(?:${FISCAL})[ /-]?Q([1-4])$`);
const FISCAL_QUARTER_BEFORE_RE = new RegExp(`^Q([1-4])[ /-]?(?:${FISCAL})$`);

function describe(type: PeriodType): string {
  return type.replace('_', ' ');
}

/** "APR", "APRIL" and "SEPT" name months; any prefix of at least three letters does. */
function monthNumber(word: string): number | null {
  if (word.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(word));
  return index < 0 ? null : index + 1;
}

/** Checks that the second year of a fiscal year written with two years follows the first. */
function fiscalSecondYearFits(first: number, second: string): boolean {
  return second.length === 4 ? Number(second) === first + 1 : Number(second) === (first + 1) % 100;
}

function fiscalReading(
  input: string,
  spanStart: string | undefined,
  spanSecond: string | undefined,
  singleYear: string | undefined,
  quarter: number | null,
  fiscalYearStart: number,
): Reading {
  let year: number;
  if (spanStart !== undefined && spanSecond !== undefined) {
    year = Number(spanStart);
    if (!fiscalSecondYearFits(year, spanSecond)) {
      throw new PeriodError(`"${input}": ${spanSecond} does not follow ${spanStart}`);
    }
    if (fiscalYearStart === 1) {
      throw new PeriodError(
        `"${input}" spans two years, but the fiscal year starts in January (it is the calendar year)`,
      );
    }
  } else {
    year = Number(singleYear);
    if (fiscalYearStart !== 1) {
      throw new PeriodError(
        `"${input}" is ambiguous when the fiscal year starts in month ${fiscalYearStart}: write both years, e.g. FY${year}-${String((year + 1) % 100).padStart(2, '0')}`,
      );
    }
  }
  return {
    kind: 'period',
    ref:
      quarter === null
        ? { type: 'fiscal_year', year, part: 1 }
        : { type: 'fiscal_quarter', year, part: quarter },
  };
}

function read(input: string, target: PeriodType, fiscalYearStart: number): Reading {
  const text = input.trim().toUpperCase().replace(/\s+/g, ' ').replace(/[–—]/g, '-');
  let match = DATE_RE.exec(text);
  if (match) {
    const date = formatIsoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    parseIsoDate(date);
    return { kind: 'date', date };
  }
  match = YEAR_RE.exec(text);
  if (match) return { kind: 'period', ref: { type: 'year', year: Number(match[1]), part: 1 } };

  match = QUARTER_AFTER_RE.exec(text);
  if (match) {
    return {
      kind: 'period',
      ref: { type: 'quarter', year: Number(match[1]), part: Number(match[2]) },
    };
  }
  match = QUARTER_BEFORE_RE.exec(text);
  if (match) {
    return {
      kind: 'period',
      ref: { type: 'quarter', year: Number(match[2]), part: Number(match[1]) },
    };
  }
  match = FISCAL_QUARTER_AFTER_RE.exec(text);
  if (match) {
    return fiscalReading(input, match[1], match[2], match[3], Number(match[4]), fiscalYearStart);
  }
  match = FISCAL_QUARTER_BEFORE_RE.exec(text);
  if (match) {
    return fiscalReading(input, match[2], match[3], match[4], Number(match[1]), fiscalYearStart);
  }
  match = FY_SINGLE_RE.exec(text);
  if (match) return fiscalReading(input, undefined, undefined, match[1], null, fiscalYearStart);

  match = PAIR_RE.exec(text);
  if (match) {
    const prefixed = match[1] !== undefined;
    const first = Number(match[2]);
    const second = match[3] ?? '';
    const asFiscal = fiscalSecondYearFits(first, second);
    const monthValue = Number(second);
    const asMonth = !prefixed && second.length <= 2 && monthValue >= 1 && monthValue <= 12;
    // "2011-12" reads both ways; the target type decides, a fiscal year only when one is wanted.
    if (asFiscal && (!asMonth || target === 'fiscal_year')) {
      return fiscalReading(input, match[2], second, undefined, null, fiscalYearStart);
    }
    if (asMonth) {
      return { kind: 'period', ref: { type: 'month', year: first, part: monthValue } };
    }
    throw new PeriodError(`"${input}" is neither a month nor a fiscal year`);
  }
  match = MONTH_YEAR_RE.exec(text);
  if (match) {
    return {
      kind: 'period',
      ref: { type: 'month', year: Number(match[2]), part: Number(match[1]) },
    };
  }
  const named = NAMED_MONTH_RE.exec(text);
  const reversed = named ? null : YEAR_NAMED_MONTH_RE.exec(text);
  const word = named?.[1] ?? reversed?.[2];
  const yearText = named?.[2] ?? reversed?.[1];
  const month = word === undefined ? null : monthNumber(word);
  if (month !== null && yearText !== undefined) {
    return { kind: 'period', ref: { type: 'month', year: Number(yearText), part: month } };
  }
  throw new PeriodError(
    `Cannot read ${JSON.stringify(input)} as a period: use a date (2021-04-15), a month (2021-04), a quarter (2021-Q2, Q2 2021), a year (2021) or a fiscal year (FY2021-22, 2021/22)`,
  );
}

function fit(
  input: string,
  reading: Reading,
  target: PeriodType,
  fiscalYearStart: number,
): PeriodRef {
  if (reading.kind === 'date') return periodRefContaining(reading.date, target, fiscalYearStart);
  const { ref } = reading;
  if (ref.type === target) return ref;
  const span = periodBounds(ref, fiscalYearStart);
  const candidate = periodRefContaining(span.start, target, fiscalYearStart);
  const bounds = periodBounds(candidate, fiscalYearStart);
  if (bounds.start === span.start && bounds.end === span.end) {
    // A calendar quarter that lines up with a fiscal quarter could still be meant as the fiscal
    // quarter of the same number ("Q2 2021" in a fiscal report), so only a January fiscal year,
    // where both readings agree, takes it.
    if (ref.type === 'quarter' && target === 'fiscal_quarter' && fiscalYearStart !== 1) {
      throw new PeriodError(
        `"${input}" is ambiguous for fiscal quarters: write the fiscal quarter (${formatPeriod(candidate, fiscalYearStart)}) or a date`,
      );
    }
    return candidate;
  }
  // A month in a coarser context names the period that starts in that month ("2021-04" for the
  // quarter starting in April).
  if (ref.type === 'month' && bounds.start === span.start) return candidate;
  if (ref.type === 'month') {
    throw new PeriodError(
      `"${input}" is a month that does not start a ${describe(target)}: give the ${describe(target)} or a date`,
    );
  }
  if (ref.type === 'year' && target === 'fiscal_year') {
    throw new PeriodError(
      `"${input}" is ambiguous when the fiscal year starts in month ${fiscalYearStart}: write FY${ref.year}-${String((ref.year + 1) % 100).padStart(2, '0')} or FY${ref.year - 1}-${String(ref.year % 100).padStart(2, '0')}`,
    );
  }
  throw new PeriodError(`"${input}" is a ${describe(ref.type)}, not a ${describe(target)}`);
}

/**
 * Reads a loose period form and returns the canonical label of the period of `options.type` it
 * names. Throws {@link PeriodError} with a message fit to show an importing user.
 */
export function normalizePeriod(input: string | number, options: NormalizePeriodOptions): string {
  const fiscalYearStart = checkFiscalYearStart(
    options.fiscalYearStart ?? DEFAULT_FISCAL_YEAR_START,
  );
  if (!isPeriodType(options.type)) {
    throw new PeriodError(`Unknown period type ${JSON.stringify(options.type)}`);
  }
  if (typeof input === 'number' && Number.isInteger(input)) {
    return normalizePeriod(String(input), options);
  }
  if (typeof input !== 'string' || input.trim() === '') {
    throw new PeriodError(`Expected a period, got ${JSON.stringify(input) ?? String(input)}`);
  }
  const reading = read(input, options.type, fiscalYearStart);
  return formatPeriod(fit(input, reading, options.type, fiscalYearStart), fiscalYearStart);
}

/** {@link normalizePeriod} returning the error message instead of throwing, for row-by-row imports. */
export function tryNormalizePeriod(
  input: string | number,
  options: NormalizePeriodOptions,
): NormalizePeriodResult {
  try {
    return { ok: true, label: normalizePeriod(input, options) };
  } catch (error) {
    if (error instanceof PeriodError) return { ok: false, error: error.message };
    throw error;
  }
}
