// Loads what a restricted view's decision needs — every family the asked measures belong to and
// all their approved figures — and decides it once for the request (see restricted-mask.ts).
import type { Db } from '../db/schema.js';
import { findMeasures, type MeasureRow } from '../measures/measures.repository.js';
import { cellsOf, performanceMeasures } from '../scorecards/scorecards.repository.js';
import { decideMask, type Family, type RestrictedMask } from './restricted-mask.js';

export type { MaskCell, RestrictedMask } from './restricted-mask.js';

/**
 * The mask of the families of these measures: a performance measure reporting a shared measure
 * is decided with that shared measure and all its other contributions; any other measure alone.
 */
export async function restrictedMask(
  db: Db,
  measures: MeasureRow[],
  options: { threshold: number; until?: string | undefined },
): Promise<RestrictedMask> {
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
    families.push({
      root,
      contributions: contributors.filter((c) => c.shared_measure_id === id),
    });
  }
  // A contribution the query left out (archived, say) is still decided with its family.
  for (const m of measures) {
    if (m.kind !== 'performance' || !m.shared_measure_id) continue;
    const family = families.find((f) => f.root.id === m.shared_measure_id);
    if (family && !family.contributions.some((c) => c.id === m.id)) {
      family.contributions.push(m);
      contributors.push(m as (typeof contributors)[number]);
    }
  }
  const ids = [...alone.map((m) => m.id), ...contributors.map((c) => c.id)];
  const cells = await cellsOf(db, ids, {
    statuses: ['approved'],
    until: options.until,
    totalsOnly: false,
  });
  return decideMask(families, cells, options.threshold);
}
