// Loads what a restricted view's decision needs — every family the asked measures belong to and
// the approved figures of the periods where a family holds a small figure — and decides it once
// for the request (see restricted-mask.ts).
import type { Db } from '../db/schema.js';
import { findMeasures, type MeasureRow } from '../measures/measures.repository.js';
import { performanceMeasures } from '../scorecards/scorecards.repository.js';
import { approvedFigures, approvedFiguresAt, smallFigurePeriods } from './disclosure.repository.js';
import { decideMask, type Family, isSuppressible, type RestrictedMask } from './restricted-mask.js';

export type { MaskCell, RestrictedMask } from './restricted-mask.js';

/** The families of these measures: a shared measure with all its contributions, or one alone. */
async function familiesOf(db: Db, measures: MeasureRow[]): Promise<Family[]> {
  const known = new Map(measures.map((m) => [m.id, m]));
  const sharedIds = new Set<string>();
  const alone: MeasureRow[] = [];
  for (const m of measures) {
    if (m.kind === 'shared') sharedIds.add(m.id);
    else if (m.shared_measure_id) sharedIds.add(m.shared_measure_id);
    else alone.push(m);
  }
  const missing = [...sharedIds].filter((id) => !known.has(id));
  const [loaded, contributors] = await Promise.all([
    findMeasures(db, missing),
    performanceMeasures(db, [], [...sharedIds]),
  ]);
  for (const m of loaded) known.set(m.id, m);
  const families: Family[] = alone.map((root) => ({ root, contributions: [] }));
  for (const id of sharedIds) {
    const root = known.get(id);
    if (!root) continue;
    const contributions: MeasureRow[] = contributors.filter((c) => c.shared_measure_id === id);
    // A contribution the query leaves out (archived, say) is still decided with its family.
    for (const m of measures) {
      if (m.shared_measure_id === id && !contributions.some((c) => c.id === m.id)) {
        contributions.push(m);
      }
    }
    families.push({ root, contributions });
  }
  return families;
}

const membersOf = (f: Family) => (f.root.kind === 'shared' ? f.contributions : [f.root]);

/**
 * The mask of the families of these measures. A sum, a maximum or a minimum of figures that are
 * each 0 or at least the threshold is 0 or at least the threshold too, so such a family's period
 * with no small figure hides nothing, and only the periods holding one are read in full. A mean
 * can be small with no small figure under it: those families are read whole.
 */
export async function restrictedMask(
  db: Db,
  measures: MeasureRow[],
  options: { threshold: number; until?: string | undefined },
): Promise<RestrictedMask> {
  const families = await familiesOf(db, measures);
  const decided = families.filter((f) => isSuppressible(f.root));
  const whole = decided.filter((f) => f.root.aggregation === 'mean');
  const bySmall = decided.filter((f) => f.root.aggregation !== 'mean');
  const familyOf = new Map<string, Family>();
  for (const f of bySmall) for (const m of membersOf(f)) familyOf.set(m.id, f);
  const small = await smallFigurePeriods(db, [...familyOf.keys()], options);
  const periodsOf = new Map<Family, Set<string>>();
  for (const row of small) {
    const f = familyOf.get(row.measure_id) as Family;
    const set = periodsOf.get(f) ?? new Set<string>();
    set.add(row.period_start);
    periodsOf.set(f, set);
  }
  const pairs = [...periodsOf].flatMap(([f, starts]) =>
    membersOf(f).flatMap((m) =>
      [...starts].map((periodStart) => ({ measureId: m.id, periodStart })),
    ),
  );
  const [cells, ofWholeFamilies] = await Promise.all([
    approvedFiguresAt(db, pairs),
    approvedFigures(
      db,
      whole.flatMap((f) => membersOf(f).map((m) => m.id)),
      { until: options.until },
    ),
  ]);
  return decideMask(families, [...cells, ...ofWholeFamilies], options.threshold);
}
