// CSV exports: which measures and rows the caller may see (the same views as the JSON API),
// streamed in keyset batches (or through COPY on PostgreSQL) so memory stays flat.
import { Readable } from 'node:stream';
import type { ExportObservationsQuery } from '@rba/schema';
import { LONG_COLUMNS } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { organizationView, statusesFor, type View, widest } from '../access/scopes.js';
import type { Db } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import { type RestrictedMask, restrictedMask } from '../disclosure/disclosure.service.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import { measureView } from '../measures/measures.service.js';
import { labelOf, resolvePeriod } from '../periods/periods.js';
import { visibleTable } from '../planning-tables/planning-tables.service.js';
import { visibleProgram } from '../programs/programs.service.js';
import { contributingPrograms, performanceMeasures } from '../scorecards/scorecards.repository.js';
import { getSettings } from '../settings/settings.service.js';
import {
  BOM,
  type CsvOptions,
  computedPlaces,
  csvLines,
  neutralise,
  num,
  rounded,
} from './csv-format.js';
import { exportFilename, periodsPart } from './export-filename.js';
import { inDefinedOrder, type RankingOf, rankingsOf } from './export-order.js';
import {
  type CellFilter,
  cellBatch,
  type ExportCell,
  exportScopeName,
  measuresWithOrganization,
  periodStartsOf,
  tableLevelMeasureIds,
} from './exports.repository.js';

/** Rows per database round trip: flat memory on PGlite, where `.stream()` would load it all. */
export const EXPORT_BATCH = 2000;

export type ScopedMeasure = MeasureRow & { organization_code: string | null; view: View };

export interface CsvDownload {
  filename: string;
  body: Readable;
}

/** Streams COPY output on PostgreSQL; supplied by the route plugin when a pool is available. */
export type CopyExporter = (
  measures: ScopedMeasure[],
  filter: (m: ScopedMeasure) => CellFilter,
  fiscalYearStart: number,
  rankingOf?: RankingOf,
) => Promise<Readable>;

/**
 * A cell's value as written: exactly as stored, unless the API computed it from the numerator
 * and denominator (a percentage or a rate), which is rounded to the measure's decimals plus two
 * so that 9/13 reads 69.2308, not 69.23076923076923 (CONTRACT.md "CSV").
 */
export function cellValue(
  m: Pick<ScopedMeasure, 'decimals'>,
  c: { value: number | null; numerator: number | null; denominator: number | null },
): string {
  return c.numerator !== null && c.denominator !== null
    ? rounded(c.value, computedPlaces(m.decimals))
    : num(c.value);
}

function periodBound(label: string, fys: number, edge: 'start' | 'end'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return label;
  return resolvePeriod(label, fys)[edge];
}

/**
 * The measures the export covers, each with the caller's view of it. A table's export shows a
 * partner's measure at the wider of the table view and the caller's own view of that agency.
 */
export async function exportScope(
  db: Db,
  actor: Actor,
  q: Pick<ExportObservationsQuery, 'tableId' | 'organizationId' | 'programId' | 'measureId'>,
): Promise<ScopedMeasure[]> {
  const viewCache = new Map<string, Promise<View | null>>();
  const viewOf = (m: MeasureRow) => {
    const key = m.kind === 'performance' ? `o:${m.organization_id}` : `t:${m.table_id}`;
    let v = viewCache.get(key);
    if (!v) {
      v = measureView(db, actor, m);
      viewCache.set(key, v);
    }
    return v;
  };
  let rows: (MeasureRow & { organization_code: string | null })[];
  let tableViewOf: View | null = null;
  if (q.tableId) {
    const { view } = await visibleTable(db, actor, q.tableId);
    tableViewOf = view;
    const programs = await contributingPrograms(db, q.tableId);
    const { indicators, shared } = await tableLevelMeasureIds(db, q.tableId);
    const perf = await performanceMeasures(db, [...new Set(programs.map((p) => p.id))], shared);
    rows = await measuresWithOrganization(db, {
      ids: [...indicators, ...perf.map((r) => r.id)],
    });
  } else if (q.organizationId) {
    if (!(await organizationView(db, actor, q.organizationId))) {
      throw new NotFoundError('Organization');
    }
    rows = await measuresWithOrganization(db, { organizationId: q.organizationId });
  } else if (q.programId) {
    await visibleProgram(db, actor, q.programId);
    rows = await measuresWithOrganization(db, { programId: q.programId });
  } else if (q.measureId) {
    rows = await measuresWithOrganization(db, { ids: [q.measureId] });
  } else {
    rows = await measuresWithOrganization(db, { all: true });
  }
  // Several filters narrow one another.
  if (q.organizationId) rows = rows.filter((m) => m.organization_id === q.organizationId);
  if (q.programId) rows = rows.filter((m) => m.program_id === q.programId);
  if (q.measureId) {
    const found = rows.find((m) => m.id === q.measureId);
    if (!found) {
      // Unknown, invisible, or outside the other filters: only the first is worth a 404.
      const [alone] = await measuresWithOrganization(db, { ids: [q.measureId] });
      if (!alone || !(await viewOf(alone))) throw new NotFoundError('Measure');
    }
    if (found && !widest([await viewOf(found), tableViewOf])) throw new NotFoundError('Measure');
    rows = found ? [found] : [];
  }
  const out: ScopedMeasure[] = [];
  for (const m of rows) {
    if (m.kind === 'shared') continue; // computed from partners' figures; none stored
    const view = widest([await viewOf(m), tableViewOf]);
    if (view) out.push({ ...m, view });
  }
  return out.sort(
    (a, b) =>
      (a.organization_code ?? '').localeCompare(b.organization_code ?? '') ||
      a.code.localeCompare(b.code) ||
      a.id.localeCompare(b.id),
  );
}

function cellFilter(q: ExportObservationsQuery, fys: number): (m: ScopedMeasure) => CellFilter {
  const from = q.from ? periodBound(q.from, fys, 'start') : undefined;
  const to = q.to ? periodBound(q.to, fys, 'end') : undefined;
  const asked = q.status ? (q.status.split(',') as ObservationStatus[]) : null;
  return (m) => {
    const allowed = statusesFor(m.view);
    return {
      statuses: asked ? allowed.filter((s) => asked.includes(s)) : allowed,
      from,
      to,
      totalsOnly: q.breakdowns === false,
    };
  };
}

/** Every cell of one measure, batch after batch, in (period, breakdown) order. */
async function* measureCells(
  db: Db,
  m: ScopedMeasure,
  f: CellFilter,
): AsyncGenerator<ExportCell[]> {
  if (f.statuses.length === 0) return;
  let after: { periodStart: string; breakdown: string } | null = null;
  for (;;) {
    const batch = await cellBatch(db, m.id, f, after, EXPORT_BATCH);
    if (batch.length > 0) yield batch;
    if (batch.length < EXPORT_BATCH) return;
    const last = batch[batch.length - 1] as ExportCell;
    after = { periodStart: last.period_start, breakdown: last.breakdown };
  }
}

/** A cell as shown; `suppressed` is set only in restricted views. */
type Shown = ExportCell & { suppressed?: boolean };

/**
 * What restricted views hide, decided per measure family the first time one of its measures is
 * exported (the family's figures are read once, whatever the export's filters, so that the CSV
 * hides exactly what the JSON routes hide).
 */
function maskCache(db: Db, threshold: number) {
  const masks = new Map<string, Promise<RestrictedMask>>();
  return (m: ScopedMeasure): Promise<RestrictedMask> => {
    const family = m.shared_measure_id ?? m.id;
    let mask = masks.get(family);
    if (!mask) {
      mask = restrictedMask(db, [m], { threshold });
      masks.set(family, mask);
    }
    return mask;
  };
}

type MaskOf = ReturnType<typeof maskCache>;

/**
 * Cells as the caller may see them (in a restricted view, hidden where the mask says so), each
 * period's breakdowns in their dimensions' defined order.
 */
function shownCells(
  db: Db,
  m: ScopedMeasure,
  f: CellFilter,
  maskOf: MaskOf,
  rankingOf: RankingOf,
): AsyncGenerator<Shown[]> {
  return inDefinedOrder(maskedCells(db, m, f, maskOf), rankingOf(m).compare);
}

async function* maskedCells(
  db: Db,
  m: ScopedMeasure,
  f: CellFilter,
  maskOf: MaskOf,
): AsyncGenerator<Shown[]> {
  if (m.view !== 'restricted') {
    yield* measureCells(db, m, f);
    return;
  }
  const mask = await maskOf(m);
  for await (const batch of measureCells(db, m, f)) {
    yield batch.map((c) =>
      mask.hidden(m.id, c.period_start, c.breakdown)
        ? { ...c, value: null, numerator: null, denominator: null, note: null, suppressed: true }
        : { ...c, note: null, suppressed: false },
    );
  }
}

function labeller(fys: number) {
  const cache = new Map<string, string>();
  return (start: string, type: MeasureRow['period_type']) => {
    const key = `${type}|${start}`;
    let label = cache.get(key);
    if (label === undefined) {
      label = labelOf(start, type, fys);
      if (cache.size > 10_000) cache.clear(); // bounded, however many periods
      cache.set(key, label);
    }
    return label;
  };
}

async function* longLayout(
  db: Db,
  measures: ScopedMeasure[],
  filter: (m: ScopedMeasure) => CellFilter,
  maskOf: MaskOf,
  rankingOf: RankingOf,
  fys: number,
  o: CsvOptions,
): AsyncGenerator<string> {
  yield (o.bom ? BOM : '') + csvLines([[...LONG_COLUMNS]], o);
  const label = labeller(fys);
  for (const m of measures) {
    const code = neutralise(m.code);
    const name = neutralise(m.name);
    const nameFr = neutralise(m.name_fr);
    const org = neutralise(m.organization_code);
    for await (const cells of shownCells(db, m, filter(m), maskOf, rankingOf)) {
      yield csvLines(
        cells.map((c) => [
          code,
          name,
          nameFr,
          org,
          label(c.period_start, m.period_type),
          c.period_start,
          c.period_end,
          neutralise(c.breakdown),
          cellValue(m, c),
          num(c.numerator),
          num(c.denominator),
          num(c.target),
          m.unit,
          c.status,
          neutralise(c.note),
          c.updated_at.toISOString(),
          c.suppressed === true ? 'true' : 'false',
          c.under_revision ? 'true' : 'false',
        ]),
        o,
      );
    }
  }
}

/** The wide layout's columns before its period columns (`suppressed` comes after them). */
const WIDE_HEAD = [
  'measure_code',
  'measure_name',
  'measure_name_fr',
  'organization_code',
  'unit',
  'breakdown',
] as const;

/**
 * One row per measure and breakdown, one column per period label. A measure's cells are held
 * while its rows are built, so memory follows the largest measure, not the export.
 */
async function* wideLayout(
  db: Db,
  measures: ScopedMeasure[],
  filter: (m: ScopedMeasure) => CellFilter,
  maskOf: MaskOf,
  rankingOf: RankingOf,
  fys: number,
  o: CsvOptions,
): AsyncGenerator<string> {
  const label = labeller(fys);
  const typeOf = new Map(measures.map((m) => [m.id, m.period_type]));
  // Columns come only from cells the caller may see: one query per distinct view.
  const byView = new Map<View, ScopedMeasure[]>();
  for (const m of measures) byView.set(m.view, [...(byView.get(m.view) ?? []), m]);
  const starts = (
    await Promise.all(
      [...byView.values()].map((ms) =>
        periodStartsOf(
          db,
          ms.map((m) => m.id),
          filter(ms[0] as ScopedMeasure),
        ),
      ),
    )
  ).flat();
  const columns = [
    ...new Map(
      starts
        .map((s) => ({
          start: s.period_start,
          label: label(s.period_start, typeOf.get(s.measure_id) ?? 'year'),
        }))
        .sort((a, b) =>
          a.start === b.start ? (a.label < b.label ? -1 : 1) : a.start < b.start ? -1 : 1,
        )
        .map((c) => [c.label, c]),
    ).keys(),
  ];
  const index = new Map(columns.map((c, i) => [c, i]));
  yield (o.bom ? BOM : '') + csvLines([[...WIDE_HEAD, ...columns, 'suppressed']], o);
  for (const m of measures) {
    const lines = new Map<string, { values: string[]; suppressed: string[] }>();
    for await (const cells of shownCells(db, m, filter(m), maskOf, rankingOf)) {
      for (const c of cells) {
        let line = lines.get(c.breakdown);
        if (!line) {
          line = { values: columns.map(() => ''), suppressed: [] };
          lines.set(c.breakdown, line);
        }
        const l = label(c.period_start, m.period_type);
        const at = index.get(l);
        if (at !== undefined) line.values[at] = cellValue(m, c);
        if (c.suppressed === true) line.suppressed.push(l);
      }
    }
    const { compare } = rankingOf(m);
    const rows = [...lines.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([key, line]) => [
        neutralise(m.code),
        neutralise(m.name),
        neutralise(m.name_fr),
        neutralise(m.organization_code),
        m.unit,
        neutralise(key),
        ...line.values,
        line.suppressed.join(';'),
      ]);
    if (rows.length > 0) yield csvLines(rows, o);
  }
}

export async function exportObservations(
  db: Db,
  actor: Actor,
  q: ExportObservationsQuery,
  copy?: CopyExporter,
): Promise<CsvDownload> {
  const settings = await getSettings(db);
  const fys = settings.fiscalYearStartMonth;
  let filter: (m: ScopedMeasure) => CellFilter;
  try {
    filter = cellFilter(q, fys);
  } catch (err) {
    if (err instanceof ValidationError) {
      throw new ValidationError(
        `from/to: ${err.message}`,
        err.issues.map((i) => ({ ...i, path: i.path.length > 0 ? i.path : ['query'] })),
      );
    }
    throw err;
  }
  const measures = await exportScope(db, actor, q);
  const rankingOf = await rankingsOf(
    db,
    measures.map((m) => m.id),
  );
  const o: CsvOptions = { bom: q.bom ?? false, crlf: q.crlf ?? false };
  const threshold = settings.smallCellThreshold;
  const filename = exportFilename({
    what: q.layout === 'wide' ? 'figures-wide' : 'figures',
    scope: await exportScopeName(db, q),
    periods: periodsPart(q.from, q.to),
    day: new Date().toISOString().slice(0, 10),
  });
  if (copy && q.layout === 'long' && !o.crlf && measures.every((m) => m.view !== 'restricted')) {
    const stream = await copy(measures, filter, fys, rankingOf);
    const header = (o.bom ? BOM : '') + csvLines([[...LONG_COLUMNS]], o);
    return { filename, body: prepend(header, stream) };
  }
  const gen =
    q.layout === 'wide' && measures.length > 0
      ? wideLayout(db, measures, filter, maskCache(db, threshold), rankingOf, fys, o)
      : q.layout === 'wide'
        ? (async function* () {
            yield (o.bom ? BOM : '') + csvLines([[...WIDE_HEAD, 'suppressed']], o);
          })()
        : longLayout(db, measures, filter, maskCache(db, threshold), rankingOf, fys, o);
  return { filename, body: Readable.from(gen, { objectMode: false }) };
}

function prepend(head: string, rest: Readable): Readable {
  const out = Readable.from(
    (async function* () {
      yield Buffer.from(head);
      for await (const chunk of rest) yield chunk as Buffer;
    })(),
    { objectMode: false },
  );
  // A download dropped before the generator reached `rest` never ends it: destroy it here, or
  // the COPY behind it waits for a reader forever, holding its pooled connection.
  out.once('close', () => {
    if (!rest.destroyed) rest.destroy();
  });
  return out;
}
