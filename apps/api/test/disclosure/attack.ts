// The attack: the sightings of gather.ts as a linear system, solved with HiGHS.
//
// The system (its unknowns and relations) is built in attack-system.ts.
//
// For every suppressed cell and layer, two LPs (min and max of that unknown) give the range
// an attacker can narrow it to; it must be at least the threshold wide.
import type { Highs } from 'highs';
import { buildSystem, cellName, fmt, type Relation, TOL, type Var } from './attack-system.js';
import type { Knowledge } from './gather.js';

export { type Layer, label, layersOf } from './attack-system.js';

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

export async function attack(k: Knowledge): Promise<AttackReport> {
  const { vars, relations, conflicts, shownAndSuppressed } = buildSystem(k);

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
