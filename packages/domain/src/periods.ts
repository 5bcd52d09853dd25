/**
 * Reporting periods: calendar years, quarters and months, and fiscal years and quarters with a
 * configurable start month. Dates are ISO `YYYY-MM-DD` strings and all arithmetic is done on
 * plain year/month/day numbers, so no time zone can move a date.
 */
import { getDaysInMonth } from 'date-fns';
import { PeriodError } from './errors.js';

export type PeriodType = 'year' | 'quarter' | 'month' | 'fiscal_year' | 'fiscal_quarter';

export const PERIOD_TYPES: readonly PeriodType[] = [
  'year',
  'quarter',
  'month',
  'fiscal_year',
  'fiscal_quarter',
];

/** April, as in Ontario. */
export const DEFAULT_FISCAL_YEAR_START = 4;

/**
 * Labels carry four-digit years, so periods must lie within 1000-01-01..9999-12-31; this also
 * keeps ISO date strings comparable as plain strings.
 */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/**
 * A period by its parts. `year` is the calendar year, or for fiscal types the calendar year the
 * fiscal year starts in; `part` is the quarter (1–4), the month (1–12), or 1 for whole years.
 */
export interface PeriodRef {
  readonly type: PeriodType;
  readonly year: number;
  readonly part: number;
}

/** A parsed period: its parts, canonical label and first and last day (both inclusive). */
export interface Period extends PeriodRef {
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

/** Where a period sits in the sequence of its type: consecutive periods have consecutive indices. */
export interface PeriodPosition {
  readonly type: PeriodType;
  readonly index: number;
}

export interface IsoDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MONTHS_IN: Record<PeriodType, number> = {
  year: 12,
  quarter: 3,
  month: 1,
  fiscal_year: 12,
  fiscal_quarter: 3,
};

const PARTS_IN: Record<PeriodType, number> = {
  year: 1,
  quarter: 4,
  month: 12,
  fiscal_year: 1,
  fiscal_quarter: 4,
};

export function isPeriodType(value: unknown): value is PeriodType {
  return typeof value === 'string' && (PERIOD_TYPES as readonly string[]).includes(value);
}

/** Returns the fiscal start month if it is an integer 1–12, else throws. */
export function checkFiscalYearStart(fiscalYearStart: number): number {
  if (!Number.isInteger(fiscalYearStart) || fiscalYearStart < 1 || fiscalYearStart > 12) {
    throw new PeriodError(
      `Fiscal year start must be a month number 1–12, got ${String(fiscalYearStart)}`,
    );
  }
  return fiscalYearStart;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function daysInMonth(year: number, month: number): number {
  // Mid-month local date: no DST shift or UTC offset can move it into another month, and years
  // are >= 1000 so the Date constructor's 19xx mapping for two-digit years never applies.
  return getDaysInMonth(new Date(year, month - 1, 15));
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits a strict ISO `YYYY-MM-DD` date, rejecting impossible days such as 2025-02-29. */
export function parseIsoDate(date: string): IsoDateParts {
  const match = typeof date === 'string' ? ISO_DATE_RE.exec(date) : null;
  if (!match) {
    throw new PeriodError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR) {
    throw new PeriodError(
      `Date out of the supported range (years ${MIN_YEAR}–${MAX_YEAR}): ${date}`,
    );
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new PeriodError(`Not a calendar date: ${date}`);
  }
  return { year, month, day };
}

/** The absolute month number (year × 12 + month − 1) of a period's first month. */
function firstMonthOf(ref: PeriodRef, fiscalYearStart: number): number {
  const base = ref.year * 12;
  switch (ref.type) {
    case 'year':
      return base;
    case 'quarter':
      return base + 3 * (ref.part - 1);
    case 'month':
      return base + ref.part - 1;
    case 'fiscal_year':
      return base + fiscalYearStart - 1;
    case 'fiscal_quarter':
      return base + fiscalYearStart - 1 + 3 * (ref.part - 1);
    default:
      return assertNever(ref.type);
  }
}

function assertNever(value: never): never {
  throw new PeriodError(`Unknown period type ${JSON.stringify(value)}`);
}

function checkRef(ref: PeriodRef, fiscalYearStart: number): void {
  if (!isPeriodType(ref.type)) {
    throw new PeriodError(`Unknown period type ${JSON.stringify(ref.type)}`);
  }
  if (!Number.isInteger(ref.year) || !Number.isInteger(ref.part)) {
    throw new PeriodError(`Period year and part must be integers, got ${ref.year} and ${ref.part}`);
  }
  if (ref.part < 1 || ref.part > PARTS_IN[ref.type]) {
    throw new PeriodError(`Part ${ref.part} is out of range for a ${ref.type}`);
  }
  const first = firstMonthOf(ref, fiscalYearStart);
  const last = first + MONTHS_IN[ref.type] - 1;
  if (first < MIN_YEAR * 12 || last > MAX_YEAR * 12 + 11) {
    throw new PeriodError(`Period out of the supported range (years ${MIN_YEAR}–${MAX_YEAR})`);
  }
}

/** The canonical label of a period, e.g. `2025-Q3`, `FY2025-26-Q1`, or `FY2025` when the fiscal year starts in January. */
export function formatPeriod(
  ref: PeriodRef,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): string {
  const fys = checkFiscalYearStart(fiscalYearStart);
  checkRef(ref, fys);
  return labelOf(ref, fys);
}

function labelOf(ref: PeriodRef, fiscalYearStart: number): string {
  switch (ref.type) {
    case 'year':
      return String(ref.year);
    case 'quarter':
      return `${ref.year}-Q${ref.part}`;
    case 'month':
      return `${ref.year}-${pad2(ref.part)}`;
    case 'fiscal_year':
      return fiscalYearName(ref.year, fiscalYearStart);
    case 'fiscal_quarter':
      return `${fiscalYearName(ref.year, fiscalYearStart)}-Q${ref.part}`;
    default:
      return assertNever(ref.type);
  }
}

function fiscalYearName(startYear: number, fiscalYearStart: number): string {
  // A January fiscal year is the calendar year, so it has a single year in its name.
  return fiscalYearStart === 1 ? `FY${startYear}` : `FY${startYear}-${pad2((startYear + 1) % 100)}`;
}

const YEAR_RE = /^(\d{4})$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const FY_SPAN_RE = /^FY(\d{4})-(\d{2})(?:-Q([1-4]))?$/;
const FY_SINGLE_RE = /^FY(\d{4})(?:-Q([1-4]))?$/;

function labelHint(fiscalYearStart: number): string {
  const fy = fiscalYearName(2025, fiscalYearStart);
  return `2025, 2025-Q3, 2025-07, ${fy} or ${fy}-Q1`;
}

function parseRef(label: string, fiscalYearStart: number): PeriodRef {
  if (typeof label !== 'string') {
    throw new PeriodError(`A period label must be a string, got ${JSON.stringify(label)}`);
  }
  let match = YEAR_RE.exec(label);
  if (match) return checked({ type: 'year', year: Number(match[1]), part: 1 }, fiscalYearStart);
  match = QUARTER_RE.exec(label);
  if (match) {
    return checked(
      { type: 'quarter', year: Number(match[1]), part: Number(match[2]) },
      fiscalYearStart,
    );
  }
  match = MONTH_RE.exec(label);
  if (match) {
    return checked(
      { type: 'month', year: Number(match[1]), part: Number(match[2]) },
      fiscalYearStart,
    );
  }
  match = FY_SPAN_RE.exec(label);
  if (match) {
    const year = Number(match[1]);
    if (fiscalYearStart === 1) {
      throw new PeriodError(
        `"${label}" spans two years, but a fiscal year starting in January is labelled FY${year}`,
      );
    }
    if (Number(match[2]) !== (year + 1) % 100) {
      throw new PeriodError(
        `"${label}": a fiscal year starting in ${year} is labelled ${fiscalYearName(year, fiscalYearStart)}`,
      );
    }
    return fiscalRef(year, match[3], fiscalYearStart);
  }
  match = FY_SINGLE_RE.exec(label);
  if (match) {
    const year = Number(match[1]);
    if (fiscalYearStart !== 1) {
      throw new PeriodError(
        `"${label}" is ambiguous with a fiscal year starting in month ${fiscalYearStart}: write ${fiscalYearName(year, fiscalYearStart)} or ${fiscalYearName(year - 1, fiscalYearStart)}`,
      );
    }
    return fiscalRef(year, match[2], fiscalYearStart);
  }
  throw new PeriodError(
    `Unrecognised period label ${JSON.stringify(label)}: expected a label like ${labelHint(fiscalYearStart)}`,
  );
}

function fiscalRef(year: number, quarter: string | undefined, fiscalYearStart: number): PeriodRef {
  return checked(
    quarter === undefined
      ? { type: 'fiscal_year', year, part: 1 }
      : { type: 'fiscal_quarter', year, part: Number(quarter) },
    fiscalYearStart,
  );
}

function checked(ref: PeriodRef, fiscalYearStart: number): PeriodRef {
  checkRef(ref, fiscalYearStart);
  return ref;
}

function boundsOf(ref: PeriodRef, fiscalYearStart: number): { start: string; end: string } {
  const first = firstMonthOf(ref, fiscalYearStart);
  const last = first + MONTHS_IN[ref.type] - 1;
  const lastYear = Math.floor(last / 12);
  const lastMonth = (last % 12) + 1;
  return {
    start: formatIsoDate(Math.floor(first / 12), (first % 12) + 1, 1),
    end: formatIsoDate(lastYear, lastMonth, daysInMonth(lastYear, lastMonth)),
  };
}

/** Parses a canonical label into its type, parts and first and last day (end inclusive). */
export function parsePeriod(
  label: string,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): Period {
  const fys = checkFiscalYearStart(fiscalYearStart);
  const ref = parseRef(label, fys);
  return { ...ref, label: labelOf(ref, fys), ...boundsOf(ref, fys) };
}

/** The first and last day (inclusive) of the period with these parts. */
export function periodBounds(
  ref: PeriodRef,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): { start: string; end: string } {
  const fys = checkFiscalYearStart(fiscalYearStart);
  checkRef(ref, fys);
  return boundsOf(ref, fys);
}

function indexOfRef(ref: PeriodRef): number {
  return ref.year * PARTS_IN[ref.type] + ref.part - 1;
}

function refAt(type: PeriodType, index: number): PeriodRef {
  const parts = PARTS_IN[type];
  const year = Math.floor(index / parts);
  return { type, year, part: index - year * parts + 1 };
}

// Series code looks the same few labels up over and over; parsing once per label keeps the
// hot loops free of regular expressions. Capped so a long-running server cannot grow it forever.
const POSITION_CACHE_LIMIT = 50_000;
const positionCaches: Map<string, PeriodPosition>[] = [];

/** The type and sequence index of a label; consecutive periods of one type differ by 1. */
export function periodIndex(
  label: string,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): PeriodPosition {
  let cache = positionCaches[fiscalYearStart];
  if (cache === undefined) {
    checkFiscalYearStart(fiscalYearStart);
    cache = new Map();
    positionCaches[fiscalYearStart] = cache;
  }
  const hit = cache.get(label);
  if (hit !== undefined) return hit;
  const ref = parseRef(label, fiscalYearStart);
  const position: PeriodPosition = Object.freeze({ type: ref.type, index: indexOfRef(ref) });
  if (cache.size >= POSITION_CACHE_LIMIT) cache.clear();
  cache.set(label, position);
  return position;
}

/** The label of the period of `type` at sequence `index` (the inverse of {@link periodIndex}). */
export function periodFromIndex(
  type: PeriodType,
  index: number,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): string {
  if (!Number.isInteger(index)) {
    throw new PeriodError(`A period index must be an integer, got ${index}`);
  }
  return formatPeriod(refAt(type, index), fiscalYearStart);
}

/** The label `steps` periods after (or, if negative, before) this one, of the same type. */
export function shiftPeriod(
  label: string,
  steps: number,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): string {
  if (!Number.isInteger(steps)) {
    throw new PeriodError(`Steps must be an integer, got ${steps}`);
  }
  const { type, index } = periodIndex(label, fiscalYearStart);
  return periodFromIndex(type, index + steps, fiscalYearStart);
}

/** The following period of the same type. */
export function nextPeriod(
  label: string,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): string {
  return shiftPeriod(label, 1, fiscalYearStart);
}

/** The preceding period of the same type. */
export function previousPeriod(
  label: string,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): string {
  return shiftPeriod(label, -1, fiscalYearStart);
}

/** The parts of the period of `type` that contains an ISO date. */
export function periodRefContaining(
  date: string,
  type: PeriodType,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): PeriodRef {
  const fys = checkFiscalYearStart(fiscalYearStart);
  const { year, month } = parseIsoDate(date);
  const absoluteMonth = year * 12 + month - 1;
  let ref: PeriodRef;
  switch (type) {
    case 'year':
      ref = { type, year, part: 1 };
      break;
    case 'quarter':
      ref = { type, year, part: Math.floor((month - 1) / 3) + 1 };
      break;
    case 'month':
      ref = { type, year, part: month };
      break;
    case 'fiscal_year':
      ref = { type, year: Math.floor((absoluteMonth - (fys - 1)) / 12), part: 1 };
      break;
    case 'fiscal_quarter': {
      const startYear = Math.floor((absoluteMonth - (fys - 1)) / 12);
      const offset = absoluteMonth - (startYear * 12 + fys - 1);
      ref = { type, year: startYear, part: Math.floor(offset / 3) + 1 };
      break;
    }
    default:
      throw new PeriodError(`Unknown period type ${JSON.stringify(type)}`);
  }
  checkRef(ref, fys);
  return ref;
}

/** The label of the period of `type` that contains an ISO date. */
export function periodContaining(
  date: string,
  type: PeriodType,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): string {
  return labelOf(periodRefContaining(date, type, fiscalYearStart), fiscalYearStart);
}

/** Whether an ISO date falls within a period (both ends inclusive). */
export function periodContains(
  label: string,
  date: string,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): boolean {
  const { start, end } = parsePeriod(label, fiscalYearStart);
  parseIsoDate(date);
  return start <= date && date <= end;
}

/** Steps from `from` to `to` (positive when `to` is later); both must be of the same type. */
export function periodDistance(
  from: string,
  to: string,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): number {
  const a = periodIndex(from, fiscalYearStart);
  const b = periodIndex(to, fiscalYearStart);
  if (a.type !== b.type) {
    throw new PeriodError(`Cannot compare a ${a.type} (${from}) with a ${b.type} (${to})`);
  }
  return b.index - a.index;
}

/** Sort comparator for labels of one type, earliest first. */
export function comparePeriods(
  a: string,
  b: string,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): number {
  return -periodDistance(a, b, fiscalYearStart);
}

/** Every period from `from` to `to`, both included; `to` must not be earlier than `from`. */
export function periodsBetween(
  from: string,
  to: string,
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): string[] {
  const steps = periodDistance(from, to, fiscalYearStart);
  if (steps < 0) {
    throw new PeriodError(`${to} is earlier than ${from}`);
  }
  const { type, index } = periodIndex(from, fiscalYearStart);
  const labels: string[] = [];
  for (let i = 0; i <= steps; i++) {
    labels.push(labelOf(refAt(type, index + i), fiscalYearStart));
  }
  return labels;
}

/**
 * A period label as people read it, the one way every screen, e-mail and report writes it:
 * a fiscal or calendar quarter set apart by a space (`FY2025-26-Q2` → `FY2025-26 Q2`,
 * `2025-Q3` → `2025 Q3`); other labels as they are. The API's machine labels stay as they are.
 */
export function periodName(label: string, locale: 'en' | 'fr' = 'en'): string {
  return locale === 'fr' ? frenchPeriodName(label) : label.replace(/-Q([1-4])$/, ' Q$1');
}

const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/**
 * A period label as a French reader writes it: a quarter is a trimestre (`2025-Q3` → `T3 2025`),
 * a fiscal year an exercice written with both its years (`FY2026-27` → `exercice 2026-2027`,
 * its quarters `T1 2026-2027`), a month by its name (`2025-08` → `août 2025`), a year as it is.
 * A label of no known form is written as it is.
 */
export function frenchPeriodName(label: string): string {
  let m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) return `T${m[2]} ${m[1]}`;
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (m) return `${FRENCH_MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  m = /^FY(\d{4})(?:-(\d{2}))?(?:-Q([1-4]))?$/.exec(label);
  if (m) {
    const start = Number(m[1]);
    const years = m[2] === undefined ? String(start) : `${start}-${start + 1}`;
    return m[3] === undefined ? `exercice ${years}` : `T${m[3]} ${years}`;
  }
  return label;
}
