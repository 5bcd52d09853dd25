// Reads records through a mapping into candidate figures, without the database: which measure
// (as the file names it), which period text, which breakdown, which numbers. Every outcome of a
// record is one of: filtered out, rejected with a reason, skipped cells, candidate figures.
import { DEFAULT_MISSING, type ImportMapping } from '@rba/schema';
import { unneutralise } from '../exports/csv-format.js';
import { type Breakdown, parseBreakdownKey } from '../observations/breakdown.js';
import type { CsvFile, CsvRecord } from './csv-reader.js';
import { pacer } from './pacing.js';

export type MeasureRef =
  | { by: 'id'; id: string }
  | { by: 'code'; code: string; organizationCode: string | null }
  | { by: 'name'; name: string };

export interface Candidate {
  line: number;
  /** The column a wide file's figure came from, for messages. */
  column?: string;
  measure: MeasureRef;
  periodText: string;
  format: NonNullable<ImportMapping['period']>['format'] | 'label';
  breakdown: Breakdown;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  note?: string | null;
}

export interface LineReason {
  line: number;
  reason: string;
}

export interface Extracted {
  candidates: Candidate[];
  rejected: LineReason[];
  skipped: LineReason[];
  filtered: number;
}

export class MappingError extends Error {}

const NATIVE_REQUIRED = ['measure_code', 'period'] as const;

function columnIndex(header: string[]) {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    if (!at.has(h)) at.set(h, i);
  });
  return (name: string): number => {
    const i = at.get(name.trim());
    if (i === undefined) {
      throw new MappingError(`the file has no column "${name}" (it has: ${header.join(', ')})`);
    }
    return i;
  };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** A number as spreadsheets write it: `1234.5`, `1,234.5`, and `12,5` in `;`-separated files. */
export function readNumber(text: string, delimiter: string): number | null {
  let t = text.trim().replace(/[\s\u00a0]/g, '');
  if (THOUSANDS.test(t)) t = t.replace(/,/g, '');
  else if (delimiter === ';' && DECIMAL_COMMA.test(t)) t = t.replace(',', '.');
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Scaling in binary floating point leaves dust (0.07 × 100 = 7.000000000000001): drop it. */
export function scaled(n: number, scale: number): number {
  return scale === 1 ? n : Number((n * scale).toPrecision(15));
}

const DELIMITER_NAME: Record<string, string> = {
  ',': 'a comma',
  ';': 'a semicolon',
  '\t': 'a tab',
  '|': 'a vertical bar',
};

/** Why a record with the wrong number of fields is refused, and the likely cause. */
function fieldCountReason(count: number, width: number, file: CsvFile): string {
  const fields = (n: number) => `${n} field${n === 1 ? '' : 's'}`;
  const head = `${fields(count)} where the header has ${width}`;
  const delimiter = DELIMITER_NAME[file.delimiter] ?? `"${file.delimiter}"`;
  if (count > width) {
    return file.delimiter === ','
      ? `${head}; a number with a thousands separator (1,234) must be quoted ("1,234"), as must any text holding a comma`
      : `${head}; a text holding ${delimiter} must be quoted`;
  }
  return `${head}; every row needs a cell for each column (an empty cell is written as nothing between two delimiters)`;
}

/** The file's rows read through the mapping, the event loop given a turn every SLICE_MS. */
export async function extract(file: CsvFile, mapping: ImportMapping): Promise<Extracted> {
  const col = columnIndex(file.header);
  const out: Extracted = { candidates: [], rejected: [], skipped: [], filtered: 0 };
  const filters = (mapping.filters ?? []).map((f) => ({
    at: col(f.column),
    keep: f.in ? new Set(f.in.map((v) => v.trim())) : new Set([(f.equals ?? '').trim()]),
  }));
  const cell = (r: CsvRecord, at: number) => (r.fields[at] ?? '').trim();
  const read =
    mapping.mode === 'native'
      ? nativeReader(file, col, cell)
      : mappedReader(file, mapping, col, cell);
  const width = file.header.length;
  const pace = pacer();
  for (const [i, r] of file.records.entries()) {
    if (i % 512 === 0) await pace();
    // A record whose field count differs from the header's cannot be read column by column:
    // its cells after the stray (or missing) delimiter belong to other columns. It is rejected,
    // never truncated or padded, and before the filters, which would read shifted cells too.
    if (r.fields.length !== width) {
      out.rejected.push({ line: r.line, reason: fieldCountReason(r.fields.length, width, file) });
      continue;
    }
    // Filters come first and never reject: a row they leave out is not read any further.
    if (filters.some((f) => !f.keep.has(cell(r, f.at)))) {
      out.filtered++;
      continue;
    }
    read(r, out);
  }
  return out;
}

type Cell = (r: CsvRecord, at: number) => string;
type Reader = (r: CsvRecord, out: Extracted) => void;

function nativeReader(file: CsvFile, col: (n: string) => number, cell: Cell): Reader {
  for (const name of NATIVE_REQUIRED) col(name);
  const has = (name: string) => file.header.includes(name);
  const at = {
    code: col('measure_code'),
    org: has('organization_code') ? col('organization_code') : -1,
    period: col('period'),
    breakdown: has('breakdown') ? col('breakdown') : -1,
    value: has('value') ? col('value') : -1,
    numerator: has('numerator') ? col('numerator') : -1,
    denominator: has('denominator') ? col('denominator') : -1,
    note: has('note') ? col('note') : -1,
    suppressed: has('suppressed') ? col('suppressed') : -1,
  };
  return (r, out) => {
    const text = (i: number) => (i < 0 ? '' : unneutralise(cell(r, i)));
    const code = text(at.code);
    if (code === '') {
      out.rejected.push({ line: r.line, reason: 'measure_code is empty' });
      return;
    }
    if (at.suppressed >= 0 && text(at.suppressed) === 'true') {
      out.rejected.push({
        line: r.line,
        reason: 'this figure was suppressed in the export it came from; it cannot be imported',
      });
      return;
    }
    const numbers: Record<'value' | 'numerator' | 'denominator', number | null | undefined> = {
      value: undefined,
      numerator: undefined,
      denominator: undefined,
    };
    for (const k of ['value', 'numerator', 'denominator'] as const) {
      if (at[k] < 0) continue;
      const t = cell(r, at[k]);
      if (t === '') {
        numbers[k] = null;
        continue;
      }
      const n = readNumber(t, file.delimiter);
      if (n === null) {
        out.rejected.push({ line: r.line, reason: `${k}: "${t}" is not a number` });
        return;
      }
      numbers[k] = n;
    }
    const key = text(at.breakdown);
    if (key !== '' && !/^[^=;]+=[^=;]+(;[^=;]+=[^=;]+)*$/.test(key)) {
      out.rejected.push({
        line: r.line,
        reason: `breakdown: "${key}" is not of the form dimension=value;dimension=value`,
      });
      return;
    }
    const org = text(at.org);
    const note = at.note < 0 ? undefined : text(at.note) === '' ? null : text(at.note);
    out.candidates.push({
      line: r.line,
      measure: { by: 'code', code, organizationCode: org === '' ? null : org },
      periodText: cell(r, at.period),
      format: 'label',
      breakdown: parseBreakdownKey(key),
      ...numbers,
      ...(note !== undefined ? { note } : {}),
    });
  };
}

function mappedReader(
  file: CsvFile,
  m: ImportMapping,
  col: (n: string) => number,
  cell: Cell,
): Reader {
  const missing = new Set((m.missing ?? DEFAULT_MISSING).map((s) => s.trim()));
  const measureAt = m.measure ? col(m.measure.column) : -1;
  const measureBy = m.measure?.by ?? 'code';
  const periodAt = m.mode === 'long' && m.period?.column ? col(m.period.column) : -1;
  const format = m.period?.format ?? 'auto';
  const valueAt = m.value && m.mode === 'long' ? col(m.value.column) : -1;
  const scale = m.value?.scale ?? 1;
  const numeratorAt = m.numerator ? col(m.numerator.column) : -1;
  const denominatorAt = m.denominator ? col(m.denominator.column) : -1;
  const noteAt = m.note ? col(m.note.column) : -1;
  const dims = Object.entries(m.breakdown ?? {}).map(([dim, b]) => ({
    dim,
    column: b.column,
    at: col(b.column),
    values: b.values ? new Map(Object.entries(b.values).map(([k, v]) => [k.trim(), v])) : null,
  }));
  const periodColumns =
    m.mode === 'wide' ? (m.wide?.periodColumns ?? []).map((c) => ({ c, at: col(c) })) : [];

  const number = (r: CsvRecord, at: number, name: string, sc: number, out: Extracted) => {
    const t = cell(r, at);
    if (missing.has(t)) return { missing: true as const, text: t };
    const n = readNumber(t, file.delimiter);
    if (n === null) {
      out.rejected.push({ line: r.line, reason: `${name}: "${t}" is not a number` });
      return null;
    }
    return { missing: false as const, n: scaled(n, sc) };
  };

  return (r, out) => {
    let measure: MeasureRef;
    if (m.measureId) measure = { by: 'id', id: m.measureId };
    else {
      const t = cell(r, measureAt);
      if (t === '') {
        out.rejected.push({ line: r.line, reason: `${m.measure?.column}: no measure named` });
        return;
      }
      measure =
        measureBy === 'name'
          ? { by: 'name', name: t }
          : { by: 'code', code: t, organizationCode: null };
    }
    const breakdown: Breakdown = {};
    for (const d of dims) {
      const t = cell(r, d.at);
      if (d.values) {
        if (!d.values.has(t)) {
          out.rejected.push({
            line: r.line,
            reason: `${d.column}: "${t}" is not mapped to a value of ${d.dim}`,
          });
          return;
        }
        const v = d.values.get(t);
        if (v) breakdown[d.dim] = v;
      } else if (t !== '') breakdown[d.dim] = t;
    }
    const note = noteAt < 0 ? undefined : cell(r, noteAt) === '' ? null : cell(r, noteAt);
    const base = {
      line: r.line,
      measure,
      format,
      breakdown,
      ...(note !== undefined ? { note } : {}),
    };
    if (m.mode === 'wide') {
      for (const p of periodColumns) {
        const v = number(r, p.at, p.c, scale, out);
        if (v === null) return;
        if (v.missing) {
          out.skipped.push({
            line: r.line,
            reason: `${p.c}: "${v.text}" is a missing value; skipped`,
          });
          continue;
        }
        out.candidates.push({ ...base, column: p.c, periodText: p.c, value: v.n });
      }
      return;
    }
    const periodText = cell(r, periodAt);
    if (valueAt >= 0) {
      const v = number(r, valueAt, m.value?.column ?? 'value', scale, out);
      if (v === null) return;
      if (v.missing) {
        out.skipped.push({
          line: r.line,
          reason: `${m.value?.column}: "${v.text}" is a missing value; skipped`,
        });
        return;
      }
      out.candidates.push({ ...base, periodText, value: v.n });
      return;
    }
    const num = number(r, numeratorAt, m.numerator?.column ?? 'numerator', 1, out);
    if (num === null) return;
    const den = number(r, denominatorAt, m.denominator?.column ?? 'denominator', 1, out);
    if (den === null) return;
    if (num.missing && den.missing) {
      out.skipped.push({ line: r.line, reason: 'numerator and denominator are missing; skipped' });
      return;
    }
    out.candidates.push({
      ...base,
      periodText,
      numerator: num.missing ? null : num.n,
      denominator: den.missing ? null : den.n,
    });
  };
}
