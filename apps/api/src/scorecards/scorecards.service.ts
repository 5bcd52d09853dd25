// Scorecards and series, computed on read from the figures the caller may see.
import { type PeriodType, periodContaining } from '@rba/domain';
import type { PlanSummary } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { organizationView, statusesFor, type View } from '../access/scopes.js';
import { plansOfMeasures } from '../curve-plans/curve-plans.repository.js';
import { type StoredContent, summarizePlan, today } from '../curve-plans/plan-content.js';
import type { Db } from '../db/schema.js';
import {
  compareBreakdownKeys,
  dimensionOrder,
  dimensionsOfKeys,
} from '../dimensions/dimension-order.js';
import { type RestrictedMask, restrictedMask } from '../disclosure/disclosure.service.js';
import { NotFoundError } from '../errors.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import { visibleMeasure } from '../measures/measures.service.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { resolvePeriod } from '../periods/periods.js';
import { visibleTable } from '../planning-tables/planning-tables.service.js';
import { activeResults } from '../results/results.repository.js';
import { getSettings } from '../settings/settings.service.js';
import { curvesOf } from './curves.js';
import {
  cellsOf,
  contributingPrograms,
  organizationMeasures,
  organizationPrograms,
  performanceMeasures,
  type TotalTuple,
  tableMeasures,
  targetsOf,
  totalsOf,
} from './scorecards.repository.js';
import {
  breakdownLines,
  type Cell,
  collectivePoints,
  forecastInputOf,
  hide,
  type Point,
  revisionMark,
  summarize,
  type TargetCell,
  toPoint,
} from './series-summary.js';

export interface ReadOptions {
  period?: string | undefined;
  horizon?: number | undefined;
  /** Only each series' last N points in the answer (the figures still use them all). */
  points?: number | undefined;
}

/** A scorecard row's series summary, with its plan. */
type RowSummary = ReturnType<typeof summarize> & { plan: PlanSummary };

export interface Frame {
  view: View;
  plans: Map<string, PlanSummary>;
  fys: number;
  /** The small-cell threshold of a restricted view (reported to the client), else null. */
  threshold: number | null;
  /** What the restricted view hides, decided over all the figures it can reach; else null. */
  mask: RestrictedMask | null;
  until: string | undefined;
  period: string | null;
  /** Period labels by period type and start date, worked out once per request. */
  labels: Map<PeriodType, Map<string, string>>;
  /** How many of each series' last points the answer carries; null for all of them. */
  window: number | null;
  /** Every period a series of the answer has a point in, before the window. */
  periods: Set<string>;
  /** Each measure's summary, built once: a partner's measure is also a shared one's contribution. */
  summaries: Map<string, RowSummary>;
}

async function frame(db: Db, view: View, q: ReadOptions): Promise<Frame> {
  const settings = await getSettings(db);
  const fys = settings.fiscalYearStartMonth;
  const p = q.period ? resolvePeriod(q.period, fys) : undefined;
  return {
    view,
    plans: new Map(),
    fys,
    threshold: view === 'restricted' ? settings.smallCellThreshold : null,
    mask: null,
    until: p?.end,
    period: p?.label ?? null,
    labels: new Map(),
    window: q.points ?? null,
    periods: new Set(),
    summaries: new Map(),
  };
}

/** Notes the periods a series has points in, for the period picker (before the window). */
function notePeriods(points: Point[], f: Frame): Point[] {
  for (const p of points) f.periods.add(p.period);
  return points;
}

/** The periods of a scorecard, newest first (canonical labels sort as time within a kind). */
export function periodsOf(f: Frame): string[] {
  return [...f.periods].sort().reverse();
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function groupCells(cells: Cell[]): Map<string, Cell[]> {
  return groupBy(cells, (c) => c.measure_id);
}

function pointsOf(m: MeasureRow, cells: Map<string, Cell[]>, f: Frame): Point[] {
  return (cells.get(m.id) ?? []).map((c) => toPoint(m, c, f.fys, f.mask));
}

/** Points before any hiding: what a collective figure is computed from. */
function rawPointsOf(m: MeasureRow, cells: Map<string, Cell[]>, f: Frame): Point[] {
  return (cells.get(m.id) ?? []).map((c) => toPoint(m, c, f.fys, null));
}

/** In a restricted view, decides what these measures' families hide, once for the request. */
export async function decide(db: Db, f: Frame, measures: MeasureRow[]): Promise<void> {
  if (f.threshold === null) return;
  f.mask = await restrictedMask(db, measures, { threshold: f.threshold, until: f.until });
}

function labelsOf(f: Frame, type: PeriodType): Map<string, string> {
  let labels = f.labels.get(type);
  if (!labels) {
    labels = new Map();
    f.labels.set(type, labels);
  }
  return labels;
}

/**
 * A measure's total figures as points: what toPoint (series-summary.ts) makes of each cell,
 * with the period label looked up once per period rather than worked out for every figure
 * (at province scale that labelling was a fifth of a large scorecard's time).
 */
function totalPoints(
  m: MeasureRow,
  totals: Map<string, TotalTuple[]>,
  f: Frame,
  masked = true,
): Point[] {
  const tuples = totals.get(m.id);
  if (!tuples) return [];
  const labels = labelsOf(f, m.period_type);
  return tuples.map(([start, value, numerator, denominator, status, revising]) => {
    let period = labels.get(start);
    if (period === undefined) {
      period = periodContaining(start, m.period_type, f.fys);
      labels.set(start, period);
    }
    const p: Point = {
      period,
      periodStart: start,
      value,
      numerator,
      denominator,
      status,
      suppressed: false,
    };
    if (revising) p.underRevision = true;
    return masked && f.mask?.hidden(m.id, start, '') ? hide(p) : p;
  });
}

/** The total figures of these measures, keyed by measure, with their targets. */
async function loadTotals(db: Db, f: Frame, ids: string[]): Promise<Totals> {
  const [rows, targets] = await Promise.all([
    totalsOf(db, ids, { statuses: statusesFor(f.view), until: f.until }),
    targetsAndPlans(db, f, ids),
  ]);
  return { totals: new Map(rows.map((r) => [r.measure_id, r.cells])), targets };
}

/** The targets of these measures, keyed by measure; their plans' summaries into the frame. */
export async function targetsAndPlans(db: Db, f: Frame, ids: string[]) {
  const [targets] = await Promise.all([targetsOf(db, ids), loadPlans(db, f, ids)]);
  return groupBy(targets, (t) => t.measure_id);
}

export interface Totals {
  totals: Map<string, TotalTuple[]>;
  targets: Map<string, TargetCell[]>;
}

/** Loads the plan summaries of these measures into the frame, in one query. */
async function loadPlans(db: Db, f: Frame, measureIds: string[]): Promise<void> {
  const day = today();
  for (const p of await plansOfMeasures(db, measureIds)) {
    f.plans.set(p.measure_id, summarizePlan(p.content as StoredContent, p.updated_at, day));
  }
}

const NO_PLAN: PlanSummary = summarizePlan(null, null, '');

function planOf(m: MeasureRow, f: Frame): PlanSummary {
  return f.plans.get(m.id) ?? NO_PLAN;
}

const NO_TARGETS: TargetCell[] = [];

export function summaryOf(m: MeasureRow, t: Totals, f: Frame): RowSummary {
  const known = f.summaries.get(m.id);
  if (known) return known;
  const points = notePeriods(totalPoints(m, t.totals, f), f);
  const s = summarize(m, points, t.targets.get(m.id) ?? NO_TARGETS, f.fys, f.window);
  const summary = { ...s, plan: planOf(m, f) };
  f.summaries.set(m.id, summary);
  return summary;
}

type PerfRow = MeasureRow & {
  organization_code: string;
  organization_name: string;
  organization_name_fr: string | null;
};

function sharedSummary(shared: MeasureRow, mine: PerfRow[], t: Totals, f: Frame) {
  const contributions = mine.map((c) => ({
    ...summaryOf(c, t, f),
    organization: {
      id: c.organization_id as string,
      code: c.organization_code,
      name: c.organization_name,
      nameFr: c.organization_name_fr,
    },
  }));
  const collective = notePeriods(
    collectiveOf(
      shared,
      f,
      mine.map((c) => totalPoints(c, t.totals, f, false)),
    ),
    f,
  );
  const targets = t.targets.get(shared.id) ?? NO_TARGETS;
  return {
    ...summarize(shared, collective, targets, f.fys, f.window),
    plan: planOf(shared, f),
    contributions,
  };
}

type TableRow = Awaited<ReturnType<typeof visibleTable>>['row'];
type ResultRow = Awaited<ReturnType<typeof activeResults>>[number];
type ProgramRow = Awaited<ReturnType<typeof contributingPrograms>>[number];

/** The fields of an answer before its results: the table, the period asked for, the view. */
function tableHead(table: TableRow, f: Frame) {
  return {
    table: {
      id: table.id,
      name: table.name,
      nameFr: table.name_fr,
      population: table.population,
      populationFr: table.population_fr,
    },
    period: f.period,
    view: f.view,
    suppressionThreshold: f.threshold,
  };
}

/** A result's own fields, before its indicators and programs. */
export function resultHead(r: ResultRow) {
  return { id: r.id, title: r.title, titleFr: r.title_fr };
}

/** A program's own fields, before its measures. */
export function programHead(p: ProgramRow) {
  return {
    id: p.id,
    name: p.name,
    nameFr: p.name_fr,
    organization: {
      id: p.organization_id,
      code: p.organization_code,
      name: p.organization_name,
      nameFr: p.organization_name_fr,
    },
  };
}

/** What a table's scorecard is made of, read before its figures. */
export async function tableParts(db: Db, actor: Actor, tableId: string, q: ReadOptions) {
  const { row: table, view } = await visibleTable(db, actor, tableId);
  const f = await frame(db, view, q);
  const [results, tableLevel, programs] = await Promise.all([
    activeResults(db, tableId),
    tableMeasures(db, tableId),
    contributingPrograms(db, tableId),
  ]);
  const shared = tableLevel.filter((m) => m.kind === 'shared');
  const programIds = [...new Set(programs.map((p) => p.id))];
  const perf = (await performanceMeasures(
    db,
    programIds,
    shared.map((s) => s.id),
  )) as PerfRow[];
  // Grouped once, in their query order, so that building the scorecard stays linear.
  return {
    head: tableHead(table, f),
    f,
    results,
    shared,
    measures: [...tableLevel, ...perf],
    indicatorsOf: groupBy(
      tableLevel.filter((m) => m.kind === 'indicator'),
      (m) => m.result_id,
    ),
    programsOf: groupBy(programs, (p) => p.result_id),
    measuresOf: groupBy(perf, (m) => m.program_id),
    contributorsOf: groupBy(perf, (m) => m.shared_measure_id),
  };
}

export type TableParts = Awaited<ReturnType<typeof tableParts>>;

/** A shared measure's row: its collective figures and its contributions'. */
export function sharedRow(s: TableParts, shared: MeasureRow, t: Totals) {
  return sharedSummary(shared, s.contributorsOf.get(shared.id) ?? [], t, s.f);
}

export async function tableScorecard(db: Db, actor: Actor, tableId: string, q: ReadOptions) {
  const s = await tableParts(db, actor, tableId, q);
  const { f } = s;
  const [t] = await Promise.all([
    loadTotals(
      db,
      f,
      s.measures.map((m) => m.id),
    ),
    decide(db, f, s.measures),
  ]);
  const body = {
    results: s.results.map((r) => ({
      ...resultHead(r),
      indicators: (s.indicatorsOf.get(r.id) ?? []).map((m) => summaryOf(m, t, f)),
      programs: (s.programsOf.get(r.id) ?? []).map((p) => ({
        ...programHead(p),
        measures: (s.measuresOf.get(p.id) ?? []).map((m) => summaryOf(m, t, f)),
      })),
    })),
    sharedMeasures: s.shared.map((shared) => sharedRow(s, shared, t)),
  };
  // `periods` last, as the stream writes it (known once every series is read): the same bytes.
  return { ...s.head, ...body, periods: periodsOf(f) };
}

export async function organizationScorecard(
  db: Db,
  actor: Actor,
  organizationId: string,
  q: ReadOptions,
) {
  const view = await organizationView(db, actor, organizationId);
  const org = view ? await findOrganization(db, organizationId) : undefined;
  if (!view || !org) throw new NotFoundError('Organization');
  const f = await frame(db, view, q);
  const [programs, measures] = await Promise.all([
    organizationPrograms(db, organizationId),
    organizationMeasures(db, organizationId),
  ]);
  const [t] = await Promise.all([
    loadTotals(
      db,
      f,
      measures.map((m) => m.id),
    ),
    decide(db, f, measures),
  ]);
  const measuresOf = groupBy(measures, (m) => m.program_id);
  const shown = programs.map((p) => ({
    id: p.id,
    name: p.name,
    nameFr: p.name_fr,
    measures: (measuresOf.get(p.id) ?? []).map((m) => summaryOf(m, t, f)),
  }));
  return {
    organization: { id: org.id, code: org.code, name: org.name, nameFr: org.name_fr },
    period: f.period,
    view,
    suppressionThreshold: f.threshold,
    periods: periodsOf(f),
    programs: shown,
  };
}

/**
 * A shared measure's collective points: its contributions' figures combined, all of them in a
 * restricted view too (the true sums), then hidden where the restricted view's mask says so.
 */
function collectiveOf(shared: MeasureRow, f: Frame, contributions: Point[][]): Point[] {
  return collectivePoints(shared, contributions, f.fys).map((p) =>
    f.mask?.hidden(shared.id, p.periodStart, '') ? hide(p) : p,
  );
}

/** Aggregates partners' breakdown cells of a shared measure per period and breakdown. */
function collectiveCells(
  shared: MeasureRow,
  contributors: MeasureRow[],
  cells: Cell[],
  f: Frame,
): Cell[] {
  const byCell = new Map<string, Point[]>();
  const contributorById = new Map(contributors.map((c) => [c.id, c]));
  for (const c of cells) {
    const m = contributorById.get(c.measure_id);
    if (!m) continue;
    const key = `${c.period_start}|${c.breakdown}`;
    const points = byCell.get(key);
    if (points) points.push(toPoint(m, c, f.fys, null));
    else byCell.set(key, [toPoint(m, c, f.fys, null)]);
  }
  const out: Cell[] = [];
  for (const [key, points] of byCell) {
    const [start, breakdown] = key.split('|') as [string, string];
    const [p] = collectivePoints(shared, [points], f.fys);
    if (p)
      out.push({
        measure_id: shared.id,
        period_start: start,
        breakdown,
        value: p.value,
        numerator: p.numerator,
        denominator: p.denominator,
        status: 'approved',
        under_revision: p.underRevision === true,
      });
  }
  return out;
}

export async function measureSeries(db: Db, actor: Actor, measureId: string, q: ReadOptions) {
  const { row: m, view } = await visibleMeasure(db, actor, measureId);
  const f = await frame(db, view, q);
  const horizon = q.horizon ?? 4;
  const contributors =
    m.kind === 'shared' ? ((await performanceMeasures(db, [], [m.id])) as PerfRow[]) : [];
  const ids = [m.id, ...contributors.map((c) => c.id)];
  const [cellRows, targets] = await Promise.all([
    cellsOf(db, ids, { statuses: statusesFor(view), until: f.until, totalsOnly: false }),
    targetsOf(db, [m.id]),
    loadPlans(db, f, [m.id]),
    decide(db, f, [m]),
  ]);
  let points: Point[];
  let breakdownCells: Cell[];
  if (m.kind === 'shared') {
    const totals = groupCells(cellRows.filter((c) => c.breakdown === ''));
    points = collectiveOf(
      m,
      f,
      contributors.map((c) => rawPointsOf(c, totals, f)),
    );
    breakdownCells = collectiveCells(
      m,
      contributors,
      cellRows.filter((c) => c.breakdown !== ''),
      f,
    );
  } else {
    const own = cellRows.filter((c) => c.measure_id === m.id);
    points = pointsOf(m, groupCells(own.filter((c) => c.breakdown === '')), f);
    breakdownCells = own;
  }
  const rest = summarize(m, points, targets, f.fys);
  const forecastInput = forecastInputOf(points);
  const order = await dimensionOrder(
    db,
    dimensionsOfKeys(new Set(breakdownCells.map((c) => c.breakdown))),
  );
  return {
    ...rest,
    view,
    suppressionThreshold: f.threshold,
    plan: planOf(m, f),
    targets: targets.map((t) => ({
      period: periodContaining(t.period_start, m.period_type, f.fys),
      value: t.value,
    })),
    ...curvesOf(forecastInput, rest, horizon, f.fys),
    breakdowns: breakdownLines(m, breakdownCells, f.fys, f.mask, compareBreakdownKeys(order)).map(
      (b) => ({
        breakdown: b.breakdown,
        key: b.key,
        points: b.points.map((p) => ({
          period: p.period,
          value: p.value,
          numerator: p.numerator,
          denominator: p.denominator,
          suppressed: p.suppressed,
          ...revisionMark(p),
        })),
      }),
    ),
  };
}
