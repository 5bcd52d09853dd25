// What the mapping builder holds while a person fills it in, and the mapping JSON it stands for.

import type { DEFAULT_MISSING, PERIOD_FORMATS } from '@rba/schema';
import type { ImportMappingJson } from '../../api/imports-api';

export type PeriodFormat = (typeof PERIOD_FORMATS)[number];

/** The schema's own lists, repeated here as values so that no zod code enters the bundle. */
export const periodFormats: readonly PeriodFormat[] = [
  'auto',
  'year',
  'month',
  'quarter',
  'quarter_start_month',
  'fiscal_year',
  'fiscal_quarter',
];

export const defaultMissing: readonly (typeof DEFAULT_MISSING)[number][] = [
  '',
  'NA',
  'N/A',
  '..',
  '...',
  'F',
  'x',
  'X',
];

/** A file value mapped to a dimension value's code, to the total (null), or not mapped (absent). */
export type ValueMap = Record<string, string | null>;

export interface BreakdownDraft {
  key: number;
  column: string;
  dimension: string;
  values: ValueMap;
}

export interface FilterDraft {
  key: number;
  column: string;
  /** The file values a row must hold to be read: one is `equals`, several `in`. */
  values: string[];
}

export interface MappingDraft {
  layout: 'long' | 'wide';
  measureSource: 'one' | 'column';
  measureId: string;
  measureColumn: string;
  measureBy: 'code' | 'name';
  /** Narrows a look-up by code or name: '' (none), `organization:<id>` or `table:<id>`. */
  owner: string;
  periodColumn: string;
  periodFormat: PeriodFormat;
  valueKind: 'value' | 'ratio';
  valueColumn: string;
  /** As typed, so a half-typed number is not lost. */
  scale: string;
  numeratorColumn: string;
  denominatorColumn: string;
  noteColumn: string;
  breakdowns: BreakdownDraft[];
  filters: FilterDraft[];
  missing: string[];
  periodColumns: string[];
}

export function emptyDraft(): MappingDraft {
  return {
    layout: 'long',
    measureSource: 'one',
    measureId: '',
    measureColumn: '',
    measureBy: 'code',
    owner: '',
    periodColumn: '',
    periodFormat: 'auto',
    valueKind: 'value',
    valueColumn: '',
    scale: '1',
    numeratorColumn: '',
    denominatorColumn: '',
    noteColumn: '',
    breakdowns: [],
    filters: [],
    missing: [...defaultMissing],
    periodColumns: [],
  };
}

/** Reads a typed scale ("100", "0,01"); null when it is not a finite number. */
export function parseScale(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

function sameMarkers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

/** The mapping JSON the server reads, built from the draft (incomplete parts left out). */
export function buildMapping(draft: MappingDraft): ImportMappingJson {
  const mapping: ImportMappingJson = { mode: draft.layout };
  if (draft.measureSource === 'one') {
    if (draft.measureId) mapping.measureId = draft.measureId;
  } else if (draft.measureColumn) {
    mapping.measure = { column: draft.measureColumn, by: draft.measureBy };
    const [kind, id] = draft.owner.split(':');
    if (kind === 'organization' && id) mapping.organizationId = id;
    if (kind === 'table' && id) mapping.tableId = id;
  }
  const scale = parseScale(draft.scale) ?? 1;
  if (draft.layout === 'long') {
    mapping.period = draft.periodColumn
      ? { column: draft.periodColumn, format: draft.periodFormat }
      : { format: draft.periodFormat };
    if (draft.valueKind === 'value') {
      if (draft.valueColumn) mapping.value = { column: draft.valueColumn, scale };
    } else {
      if (draft.numeratorColumn) mapping.numerator = { column: draft.numeratorColumn };
      if (draft.denominatorColumn) mapping.denominator = { column: draft.denominatorColumn };
    }
  } else {
    mapping.period = { format: draft.periodFormat };
    // A wide file has no value column; the scale rides on the first period column's name.
    const first = draft.periodColumns[0];
    if (scale !== 1 && first) mapping.value = { column: first, scale };
    mapping.wide = { periodColumns: [...draft.periodColumns] };
  }
  if (draft.noteColumn && draft.layout === 'long') mapping.note = { column: draft.noteColumn };
  const breakdowns = draft.breakdowns.filter((b) => b.column && b.dimension);
  if (breakdowns.length > 0) {
    mapping.breakdown = Object.fromEntries(
      breakdowns.map((b) => [b.dimension, { column: b.column, values: { ...b.values } }]),
    );
  }
  const filters = draft.filters.filter((f) => f.column && f.values.length > 0);
  if (filters.length > 0) {
    mapping.filters = filters.map((f) =>
      f.values.length === 1
        ? { column: f.column, equals: f.values[0] as string }
        : { column: f.column, in: [...f.values] },
    );
  }
  if (!sameMarkers(draft.missing, defaultMissing)) mapping.missing = [...draft.missing];
  return mapping;
}

export type DraftProblem =
  | 'measure'
  | 'measureColumn'
  | 'periodColumn'
  | 'valueColumn'
  | 'ratioColumns'
  | 'periodColumns'
  | 'scale'
  | 'breakdown'
  | 'breakdownTwice'
  | 'filter';

/** What still stops the draft from being a mapping the server accepts, in form order. */
export function draftProblems(draft: MappingDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.measureSource === 'one' && !draft.measureId) problems.push('measure');
  if (draft.measureSource === 'column' && !draft.measureColumn) problems.push('measureColumn');
  if (draft.layout === 'long') {
    if (!draft.periodColumn) problems.push('periodColumn');
    if (draft.valueKind === 'value' && !draft.valueColumn) problems.push('valueColumn');
    if (draft.valueKind === 'ratio' && !(draft.numeratorColumn && draft.denominatorColumn)) {
      problems.push('ratioColumns');
    }
  } else if (draft.periodColumns.length === 0) problems.push('periodColumns');
  if (parseScale(draft.scale) === null) problems.push('scale');
  if (draft.breakdowns.some((b) => !b.column || !b.dimension)) problems.push('breakdown');
  const dims = draft.breakdowns.map((b) => b.dimension).filter(Boolean);
  if (new Set(dims).size < dims.length) problems.push('breakdownTwice');
  if (draft.filters.some((f) => !f.column || f.values.length === 0)) problems.push('filter');
  return problems;
}

/** Headers that read as periods (2021, 2021-Q2, FY2021-22, Q3 2020, 2021-04…), for wide files. */
export function looksLikePeriod(header: string): boolean {
  return /^(FY\s?)?\d{4}([-/ ]?(Q[1-4]|\d{2}))*([-/ ]Q[1-4])?$|^Q[1-4][ -]\d{4}$/i.test(
    header.trim(),
  );
}

const periodHeader =
  /^(ref[_ ]?date|period|période|periode|date|year|years|année|annee|time[_ ]?frame|quarter|trimestre|month|mois|fiscal[_ ]?(year|quarter)?)$/i;
const valueHeader = /^(value|values|valeur|data|données|amount|figure|count)$/i;

/** A first draft from the file's header: the likely period and value columns, or a wide file. */
export function guessDraft(header: readonly string[]): MappingDraft {
  const draft = emptyDraft();
  const find = (pattern: RegExp) => header.find((h) => pattern.test(h.trim())) ?? '';
  draft.periodColumn = find(periodHeader);
  draft.valueColumn = find(valueHeader);
  draft.numeratorColumn = find(/^(numerator|numérateur|numerateur)$/i);
  draft.denominatorColumn = find(/^(denominator|dénominateur|denominateur)$/i);
  draft.measureColumn = find(/^(measure|measure[_ ]code|indicator[_ ]code|code)$/i);
  const periods = header.filter(looksLikePeriod);
  if (!draft.periodColumn && periods.length >= 2) {
    draft.layout = 'wide';
    draft.periodColumns = periods;
  }
  return draft;
}
