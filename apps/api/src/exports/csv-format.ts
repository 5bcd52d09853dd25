// How cells are written: RFC 4180 quoting through csv-stringify, numbers at full precision,
// and text cells neutralised against formula injection in spreadsheets.
import { stringify } from 'csv-stringify/sync';

export interface CsvOptions {
  bom: boolean;
  crlf: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would read as a formula gets a leading apostrophe (OWASP's advice).
 * Numbers are never text cells, so a negative figure stays a number.
 */
export function neutralise(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse, for reading back what an export wrote. */
export function unneutralise(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1))
    ? text.slice(1)
    : text;
}

/**
 * A stored number: JavaScript's shortest round-trip form, every stored digit, nothing invented
 * (the database holds what the API was given, which is this form).
 */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}

/** The decimal digits and exponent of a finite number ≥ 0 as JavaScript writes it. */
function decimalParts(abs: number): { digits: string; exponent: number } {
  const [mantissa = '0', exp = '0'] = String(abs).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  return { digits: `${whole}${fraction}`, exponent: Number(exp) - fraction.length };
}

/**
 * A computed number (a percentage or a rate from its numerator and denominator, a collective
 * roll-up, a change) rounded to `places` decimals, half away from zero, as PostgreSQL's
 * `trim_scale(round(x::numeric, places))` writes it: no exponent, no trailing zeros. The
 * rounding is done on the decimal form JavaScript writes (the form stored), so 1.005 gives 1.01.
 */
export function rounded(n: number | null | undefined, places: number): string {
  if (n === null || n === undefined) return '';
  if (!Number.isFinite(n)) return String(n);
  const { digits, exponent } = decimalParts(Math.abs(n));
  // The value is digits × 10^exponent; keep `places` decimals.
  const drop = -exponent - places;
  let units: bigint;
  if (drop <= 0) {
    units = BigInt(digits) * 10n ** BigInt(-drop);
  } else {
    const scale = 10n ** BigInt(drop);
    const whole = BigInt(digits);
    units = whole / scale + (2n * (whole % scale) >= scale ? 1n : 0n);
  }
  if (units === 0n) return '0';
  let text = units.toString().padStart(places + 1, '0');
  if (places > 0) {
    text = `${text.slice(0, -places)}.${text.slice(-places)}`.replace(/\.?0+$/, '');
  }
  return n < 0 ? `-${text}` : text;
}

/** How many decimals an export keeps of a computed figure: the measure's, plus two. */
export function computedPlaces(decimals: number): number {
  return decimals + 2;
}

export const BOM = '\ufeff';

/** Rows of already-formatted cells as CSV text, one record per row. */
export function csvLines(rows: string[][], o: CsvOptions): string {
  if (rows.length === 0) return '';
  // csv-stringify quotes only the record delimiter itself; a lone CR or LF in a note must be
  // quoted too, or the file would not read back.
  return stringify(rows, { record_delimiter: o.crlf ? '\r\n' : '\n', quoted_match: /[\r\n]/ });
}

export function contentDisposition(filename: string): string {
  return `attachment; filename="${filename}"`;
}
