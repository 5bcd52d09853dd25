// The linear system of the attack (attack.ts): the sightings of gather.ts as unknowns with
// bounds, and the relations between them.
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
import type { Knowledge, MeasureInfo, Sighting } from './gather.js';
import { allCells } from './scenario.js';

export type Layer = 'value' | 'numerator' | 'denominator';

export interface Var {
  m: MeasureInfo;
  period: string;
  key: string;
  layer: Layer;
  lo: number;
  hi: number;
  shown: boolean;
  suppressed: boolean;
}

export interface Relation {
  /** The unknown that is the sum, and the unknowns summed. */
  whole: number;
  parts: number[];
  what: string;
  /** A collective figure against its contributions (set aside first when infeasible). */
  collective: boolean;
}

export const TOL = 1e-6;

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

export function cellName(v: Pick<Var, 'm' | 'period' | 'key' | 'layer'>): string {
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

export const fmt = (n: number) =>
  !Number.isFinite(n) ? '∞' : Number.isInteger(n) ? String(n) : String(+n.toFixed(6));

/** The unknowns and relations the sightings of `k` make, and the conflicts seen on the way. */
export function buildSystem(k: Knowledge) {
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

  return { vars, relations, conflicts, shownAndSuppressed };
}
