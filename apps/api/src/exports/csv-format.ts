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

/** JavaScript's shortest round-trip form: every stored digit, nothing invented. */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
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
