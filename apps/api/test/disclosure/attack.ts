// The attack: the sightings of gather.ts as a linear system, solved with HiGHS.
//
// Unknowns: one per (measure, period, breakdown cell, layer) the attacker knows should exist —
// every cell of every combination of the measure's dimensions (the total, each dimension's
// cells, the cross cells), in every period where the measure or one linked to it (a shared
// measure and its contributions) shows anything. The layer is `value` for counts, and
// `numerator` and `denominator` (two independent layers) for ratio percentages and rates.
// Every unknown is ≥ 0. A shown figure pins its unknown (within its rounding); a cell shown
// as suppressed, or never shown, stays free.
//
// Relations (CONTRACT.md "Restricted views that cannot be undone"): a cell equals the sum of
// the cells that split it by one more dimension (so a total is the sum of each dimension's
// cells, a dimension's cell the sum of its cross cells, and the total the sum of all cross
// cells); a shared measure's cell equals the sum of its contributions' same cells; a shown
// percentage with a shown denominator gives the numerator (and with a shown numerator, the
// denominator).
//
// For every suppressed cell and layer, two LPs (min and max of that unknown) give the range
// an attacker can narrow it to; it must be at least the threshold wide.
import type { Highs } from 'highs';
import type { Knowledge, MeasureInfo, Sighting } from './gather.js';
import { allCells } from './scenario.js';

export type Layer = 'value' | 'numerator' | 'denominator';

export interface Range {
  cell: string;
  min: number;
  max: number;
  width: number;
}

export interface AttackReport {
  threshold: number;
  /** Unknowns of the system: (measure, period, cell, layer). */
  cells: number;
  shown: number;
  suppressed: number;
  unseen: number;
  relations: number;
  /** Suppressed (cell, layer) unknowns whose range was solved for. */
  checked: number;
  narrowest: Range | null;
  /** Suppressed unknowns narrowed below the threshold. */
  leaks: Range[];
  /** The same figure shown with different values in different places. */
  conflicts: string[];
  /** A cell shown in one place and marked suppressed in another. */
  shownAndSuppressed: string[];
  /** The shown figures contradict the additive relations. */
  infeasible: boolean;
  /** The relations that cannot hold (least total violation), when infeasible. */
  contradicted: string[];
  /**
   * How many of those fail only because the whole is larger than its parts (a collective total
   * over agencies some of which report no breakdown): kept as "whole ≥ Σ parts" in phase 2.
   */
  wholeExceedsParts: number;
  hygiene: string[];
  unplaced: string[];
  requests: number;
}

interface Var {
  m: MeasureInfo;
  period: string;
  key: string;
  layer: Layer;
  lo: number;
  hi: number;
  shown: boolean;
  suppressed: boolean;
}

interface Relation {
  /** The unknown that is the sum, and the unknowns summed. */
  whole: number;
  parts: number[];
  what: string;
  /** A collective figure against its contributions (set aside first when infeasible). */
  collective: boolean;
}

const TOL = 1e-6;

let solver: Promise<Highs> | undefined;
/** HiGHS, loaded once. The package is CommonJS typed as ESM: take the loader wherever it is. */
function highs(): Promise<Highs> {
  solver ??= import('highs').then((mod: unknown) => {
    let load = (mod as { default?: unknown }).default;
    if (typeof load !== 'function') load = (load as { default?: unknown } | undefined)?.default;
    if (typeof load !== 'function') throw new Error('highs: no loader exported');
    return (load as () => Promise<Highs>)();
  });
  return solver;
}

export function layersOf(m: MeasureInfo): Layer[] {
  if (m.aggregation === 'ratio' && (m.unit === 'percent' || m.unit === 'rate'))
    return ['numerator', 'denominator'];
  if (m.unit === 'count') return ['value'];
  return []; // means, published percentages and the like do not add up
}

function ratioFactor(m: MeasureInfo): number {
  return m.unit === 'percent' ? 100 : (m.ratePer ?? 1);
}

export function label(m: MeasureInfo): string {
  return `${m.organizationCode ? `${m.organizationCode}/` : ''}${m.code}${m.kind === 'shared' ? ' (collective)' : ''}`;
}

function cellName(v: Pick<Var, 'm' | 'period' | 'key' | 'layer'>): string {
  return `${label(v.m)} ${v.period} [${v.key || 'total'}] ${v.layer}`;
}

function parseKey(key: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (key === '') return out;
  for (const pair of key.split(';')) {
    const at = pair.indexOf('=');
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

function keyOf(cell: Record<string, string>): string {
  return Object.keys(cell)
    .sort()
    .map((d) => `${d}=${cell[d]}`)
    .join(';');
}

const fmt = (n: number) =>
  !Number.isFinite(n) ? '∞' : Number.isInteger(n) ? String(n) : String(+n.toFixed(6));

export async function attack(k: Knowledge): Promise<AttackReport> {
  const measures = [...k.measures.values()].filter((m) => layersOf(m).length > 0);
  const byId = new Map(measures.map((m) => [m.id, m]));

  // Dimensions: the measure's own, what its breakdown keys show, and for a collective figure
  // those of its contributions.
  const dims = new Map<string, Map<string, Set<string>>>();
  const addDim = (id: string, code: string, values: Iterable<string>) => {
    const d = dims.get(id) ?? new Map<string, Set<string>>();
    const set = d.get(code) ?? new Set<string>();
    for (const v of values) set.add(v);
    d.set(code, set);
    dims.set(id, d);
  };
  for (const m of measures) {
    dims.set(m.id, new Map());
    for (const d of m.dimensions) addDim(m.id, d.code, d.values);
  }
  for (const s of k.sightings) {
    if (!byId.has(s.measureId)) continue;
    for (const [d, v] of Object.entries(parseKey(s.key))) addDim(s.measureId, d, [v]);
  }
  const contributionsOf = (m: MeasureInfo) =>
    m.contributions
      .map((id) => byId.get(id))
      .filter((c): c is MeasureInfo => !!c && layersOf(c).join() === layersOf(m).join());
  for (const m of measures) {
    if (m.kind !== 'shared') continue;
    for (const c of contributionsOf(m)) {
      for (const [code, values] of dims.get(c.id) ?? []) addDim(m.id, code, values);
    }
  }

  // Periods: wherever the measure, or a measure linked to it, shows anything.
  const periods = new Map<string, Set<string>>();
  for (const m of measures) periods.set(m.id, new Set());
  for (const s of k.sightings) periods.get(s.measureId)?.add(s.period);
  for (const m of measures) {
    if (m.kind !== 'shared') continue;
    const group = [m, ...contributionsOf(m)];
    const union = new Set(group.flatMap((g) => [...(periods.get(g.id) ?? [])]));
    for (const g of group) for (const p of union) periods.get(g.id)?.add(p);
  }

  // Unknowns.
  const vars: Var[] = [];
  const index = new Map<string, number>();
  const id = (m: string, period: string, key: string, layer: Layer) =>
    index.get(`${m}|${period}|${key}|${layer}`);
  const cellsOf = (m: MeasureInfo) =>
    allCells(
      [...(dims.get(m.id) ?? new Map<string, Set<string>>()).entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([code, values]) => ({ code, values: [...values].sort() })),
    );
  for (const m of measures) {
    for (const period of [...(periods.get(m.id) ?? [])].sort()) {
      for (const cell of cellsOf(m)) {
        const key = keyOf(cell);
        for (const layer of layersOf(m)) {
          index.set(`${m.id}|${period}|${key}|${layer}`, vars.length);
          vars.push({
            m,
            period,
            key,
            layer,
            lo: 0,
            hi: Number.POSITIVE_INFINITY,
            shown: false,
            suppressed: false,
          });
        }
      }
    }
  }

  // What the sightings pin down.
  const conflicts: string[] = [];
  const shownAndSuppressed: string[] = [];
  const byCell = new Map<string, Sighting[]>();
  for (const s of k.sightings) {
    if (!byId.has(s.measureId)) continue;
    const c = `${s.measureId}|${s.period}|${s.key}`;
    byCell.set(c, [...(byCell.get(c) ?? []), s]);
  }
  for (const list of byCell.values()) {
    const first = list[0] as Sighting;
    const m = byId.get(first.measureId) as MeasureInfo;
    const band = new Map<string, { lo: number; hi: number; source: string; v: number }>();
    for (const s of list) {
      if (s.field === 'cell' || typeof s.shown !== 'number') continue;
      const lo = s.shown - s.tolerance;
      const hi = s.shown + s.tolerance;
      const had = band.get(s.field);
      if (!had) {
        band.set(s.field, { lo, hi, source: s.source, v: s.shown });
      } else if (lo > had.hi + TOL * 1e-3 || hi < had.lo - TOL * 1e-3) {
        conflicts.push(
          `${label(m)} ${s.period} [${s.key || 'total'}] ${s.field}: ${fmt(had.v)} in ${had.source}, ${fmt(s.shown)} in ${s.source}`,
        );
      } else {
        had.lo = Math.max(had.lo, lo);
        had.hi = Math.min(had.hi, hi);
      }
    }
    const suppressedIn = list.find((s) => s.shown === 'suppressed');
    const shownIn = list.find((s) => typeof s.shown === 'number');
    if (suppressedIn && shownIn) {
      shownAndSuppressed.push(
        `${label(m)} ${first.period} [${first.key || 'total'}]: ${shownIn.field} ${fmt(shownIn.shown as number)} in ${shownIn.source}, suppressed in ${suppressedIn.source}`,
      );
    }
    if (m.aggregation === 'ratio') {
      // A shown percentage with a shown denominator gives the numerator, and the other way round.
      const f = ratioFactor(m);
      const v = band.get('value');
      const n = band.get('numerator');
      const d = band.get('denominator');
      if (v && d && !n) {
        band.set('numerator', {
          lo: (v.lo * d.lo) / f,
          hi: (v.hi * d.hi) / f,
          v: (v.v * d.v) / f,
          source: `${v.source} × ${d.source}`,
        });
      } else if (v && n && !d && v.lo > 0) {
        band.set('denominator', {
          lo: (n.lo * f) / v.hi,
          hi: (n.hi * f) / v.lo,
          v: (n.v * f) / v.v,
          source: `${n.source} ÷ ${v.source}`,
        });
      } else if (v && n && d) {
        const implied = (v.v * d.v) / f;
        if (Math.abs(implied - n.v) > (v.hi - v.lo) * d.v + TOL * Math.max(1, n.v)) {
          conflicts.push(
            `${label(m)} ${first.period} [${first.key || 'total'}]: ${fmt(v.v)} % of ${fmt(d.v)} is not ${fmt(n.v)}`,
          );
        }
      }
    }
    for (const layer of layersOf(m)) {
      const i = id(m.id, first.period, first.key, layer);
      if (i === undefined) continue;
      const x = vars[i] as Var;
      if (suppressedIn) x.suppressed = true;
      const b = band.get(layer);
      if (b) {
        x.lo = Math.max(0, b.lo);
        x.hi = Math.max(x.lo, b.hi);
        x.shown = true;
      }
    }
  }

  // Relations.
  const relations: Relation[] = [];
  for (const m of measures) {
    const cells = cellsOf(m);
    const mdims = [...(dims.get(m.id) ?? new Map<string, Set<string>>()).entries()];
    for (const period of periods.get(m.id) ?? []) {
      for (const layer of layersOf(m)) {
        for (const cell of cells) {
          const whole = id(m.id, period, keyOf(cell), layer) as number;
          for (const [code, values] of mdims) {
            if (code in cell) continue;
            const parts = [...values].map(
              (v) => id(m.id, period, keyOf({ ...cell, [code]: v }), layer) as number,
            );
            relations.push({
              whole,
              parts,
              what: `${cellName(vars[whole] as Var)} = Σ by ${code}`,
              collective: false,
            });
          }
        }
        if (m.kind === 'shared' && (m.aggregation === 'sum' || m.aggregation === 'ratio')) {
          const contributors = contributionsOf(m);
          for (const cell of cells) {
            const key = keyOf(cell);
            const parts = contributors
              .filter((c) => Object.keys(cell).every((d) => dims.get(c.id)?.has(d)))
              .map((c) => id(c.id, period, key, layer))
              .filter((x): x is number => x !== undefined);
            if (parts.length === 0) continue;
            const whole = id(m.id, period, key, layer) as number;
            relations.push({
              whole,
              parts,
              what: `${cellName(vars[whole] as Var)} = Σ contributions`,
              collective: true,
            });
          }
        }
      }
    }
  }

  const report: AttackReport = {
    threshold: k.threshold,
    cells: vars.length,
    shown: vars.filter((v) => v.shown).length,
    suppressed: vars.filter((v) => v.suppressed).length,
    unseen: vars.filter((v) => !v.shown && !v.suppressed).length,
    relations: relations.length,
    checked: 0,
    narrowest: null,
    leaks: [],
    conflicts,
    shownAndSuppressed,
    infeasible: false,
    contradicted: [],
    wholeExceedsParts: 0,
    hygiene: k.hygiene,
    unplaced: k.unplaced,
    requests: k.requests,
  };
  const h = await highs();

  // Phase 1: can the shown figures all hold with the relations? Least total violation, where
  // breaking a collective-against-contributions relation costs less than breaking an agency's
  // own breakdown (a collective computed from some contributions only is the likelier fault),
  // so that the ranges of phase 2 rest on the agencies' own figures.
  const broken = new Set<Relation>();
  /** Broken relations whose whole is larger than its parts: still true as "whole ≥ parts". */
  const atLeast = new Set<Relation>();
  const bounds = (ids: Iterable<number>) =>
    [...ids].map((i) => {
      const x = vars[i] as Var;
      return Number.isFinite(x.hi)
        ? ` ${num(x.lo)} <= x${i} <= ${num(x.hi)}`
        : ` x${i} >= ${num(x.lo)}`;
    });
  const row = (r: Relation) =>
    `x${r.whole}${r.parts.map((p) => ` - x${p}`).join('')}`.replace(/^x/, ' x');
  if (relations.length > 0) {
    const lp = [
      'Minimize',
      ` obj: ${relations.map((r, j) => (r.collective ? `p${j} + n${j}` : `2 p${j} + 2 n${j}`)).join(' + ')}`,
      'Subject To',
      ...relations.map((r, j) => ` e${j}:${row(r)} + p${j} - n${j} = 0`),
      'Bounds',
      ...bounds(vars.keys()),
      'End',
    ].join('\n');
    const res = h.solve(lp, { output_flag: false });
    if (res.Status !== 'Optimal') throw new Error(`feasibility LP: ${res.Status}`);
    if (res.ObjectiveValue > TOL) {
      report.infeasible = true;
      const value = (i: number) => {
        const x = vars[i] as Var;
        return x.shown ? fmt((x.lo + x.hi) / 2) : '?';
      };
      relations.forEach((r, j) => {
        const cols = res.Columns as Record<string, { Primal?: number }>;
        const over = cols[`n${j}`]?.Primal ?? 0;
        const slack = (cols[`p${j}`]?.Primal ?? 0) + over;
        if (slack > TOL) {
          broken.add(r);
          if (over > TOL && (cols[`p${j}`]?.Primal ?? 0) <= TOL) {
            atLeast.add(r);
            report.wholeExceedsParts++;
          }
          report.contradicted.push(
            `${r.what}: ${value(r.whole)} vs ${r.parts.map(value).join(' + ') || '(nothing)'}`,
          );
        }
      });
    }
  }

  // Phase 2: the range of every suppressed unknown, over the relations that can hold.
  const active = relations.filter((r) => !broken.has(r) || atLeast.has(r));
  const parent = vars.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (const r of active) for (const p of r.parts) parent[find(p)] = find(r.whole);
  const components = new Map<number, { vars: number[]; rows: Relation[] }>();
  vars.forEach((_, i) => {
    const c = components.get(find(i)) ?? { vars: [], rows: [] };
    c.vars.push(i);
    components.set(find(i), c);
  });
  for (const r of active) components.get(find(r.whole))?.rows.push(r);
  const texts = new Map<number, string>();
  const solve = (i: number, sense: 'Minimize' | 'Maximize'): number => {
    const root = find(i);
    const comp = components.get(root) as { vars: number[]; rows: Relation[] };
    const x = vars[i] as Var;
    if (comp.rows.length === 0) return sense === 'Minimize' ? x.lo : x.hi;
    let body = texts.get(root);
    if (body === undefined) {
      body = [
        'Subject To',
        ...comp.rows.map((r, j) => ` r${j}:${row(r)} ${atLeast.has(r) ? '>=' : '='} 0`),
        'Bounds',
        ...bounds(comp.vars),
        'End',
      ].join('\n');
      texts.set(root, body);
    }
    const res = h.solve(`${sense}\n obj: x${i}\n${body}`, { output_flag: false });
    if (res.Status === 'Optimal') return res.ObjectiveValue;
    if (sense === 'Maximize' && /unbounded/i.test(res.Status)) return Number.POSITIVE_INFINITY;
    if (/infeasible/i.test(res.Status)) return Number.NaN;
    throw new Error(`${sense} ${cellName(x)}: ${res.Status}`);
  };
  for (const [i, x] of vars.entries()) {
    if (!x.suppressed) continue;
    const min = solve(i, 'Minimize');
    const max = solve(i, 'Maximize');
    report.checked++;
    const range: Range = { cell: cellName(x), min, max, width: max - min };
    if (Number.isNaN(range.width)) {
      // Only when the remaining relations still contradict the figures: counted as a leak.
      range.width = 0;
    }
    if (!report.narrowest || range.width < report.narrowest.width) report.narrowest = range;
    if (range.width < k.threshold - TOL) report.leaks.push(range);
  }
  report.leaks.sort((a, b) => a.width - b.width || (a.cell < b.cell ? -1 : 1));
  return report;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toPrecision(17);
}

export function formatRange(r: Range): string {
  return `${r.cell} ∈ [${fmt(r.min)}, ${fmt(r.max)}] (width ${fmt(r.width)})`;
}

/** Everything that makes the attack succeed, one line each. */
export function problems(r: AttackReport): string[] {
  return [
    ...r.conflicts.map((c) => `shown with two values: ${c}`),
    ...r.shownAndSuppressed.map((c) => `shown and suppressed: ${c}`),
    ...(r.infeasible
      ? [
          `infeasible: the shown figures contradict the additive relations (${r.contradicted.length} relation(s) cannot hold)`,
          ...r.contradicted.map((c) => `  cannot hold: ${c}`),
        ]
      : []),
    ...r.leaks.map(
      (l) =>
        `narrower than ${r.threshold}${r.infeasible ? ' (with the contradicted relations set aside)' : ''}: ${formatRange(l)}`,
    ),
    ...r.hygiene.map((h) => `hygiene: ${h}`),
  ];
}

export function summaryLine(name: string, engine: string, r: AttackReport): string {
  const narrow = r.narrowest ? formatRange(r.narrowest) : 'none (nothing suppressed)';
  return (
    `[disclosure] ${name} on ${engine}: ${r.cells} cells examined (${r.shown} shown, ` +
    `${r.suppressed} suppressed, ${r.unseen} never shown; ${r.relations} relations; ` +
    `${r.requests} requests), ${r.checked} suppressed cells checked against threshold ` +
    `${r.threshold}; narrowest range ${narrow}; ${r.leaks.length} leak(s), ` +
    `${r.conflicts.length} conflict(s), ${r.shownAndSuppressed.length} shown-and-suppressed, ` +
    `${r.infeasible ? `INFEASIBLE (${r.contradicted.length} relations)` : 'feasible'}, ` +
    `${r.hygiene.length} hygiene issue(s)`
  );
}
