// The order of an export's rows within a measure and period: the breakdowns in their
// dimensions' defined order (dimension-order.ts), the same in the batch path and through COPY.
import type { DbOrTrx } from '../db/schema.js';
import {
  type BreakdownRanking,
  dimensionOrder,
  rankBreakdowns,
} from '../dimensions/dimension-order.js';
import { measureDimensionCodes } from '../dimensions/dimensions.repository.js';

/** Each measure's ranking of its breakdown keys. */
export type RankingOf = (m: { id: string }) => BreakdownRanking;

const TOTAL_ONLY: BreakdownRanking = rankBreakdowns([], new Map());

/** What nothing is known of: the total first, then the keys as text. */
export const textOrder: RankingOf = () => TOTAL_ONLY;

/** The rankings of these measures' breakdowns, from two queries whatever their number. */
export async function rankingsOf(db: DbOrTrx, measureIds: string[]): Promise<RankingOf> {
  const [links, order] = await Promise.all([
    measureDimensionCodes(db, measureIds),
    measureIds.length === 0 ? Promise.resolve(new Map()) : dimensionOrder(db),
  ]);
  const dimsOf = new Map<string, string[]>();
  for (const l of links) dimsOf.set(l.measure_id, [...(dimsOf.get(l.measure_id) ?? []), l.code]);
  const rankings = new Map<string, BreakdownRanking>();
  return (m) => {
    let r = rankings.get(m.id);
    if (!r) {
      r = rankBreakdowns(dimsOf.get(m.id) ?? [], order);
      rankings.set(m.id, r);
    }
    return r;
  };
}

/**
 * Batches of one measure's cells, which come in (period, breakdown-as-text) order, re-ordered
 * within each period by `compare`. A period's cells may span two batches, so the last period of
 * a batch is held until the next batch shows it is complete: memory stays one batch and one
 * period.
 */
export async function* inDefinedOrder<T extends { period_start: string; breakdown: string }>(
  batches: AsyncIterable<T[]>,
  compare: (a: string, b: string) => number,
): AsyncGenerator<T[]> {
  const sort = (cells: T[]) => cells.sort((a, b) => compare(a.breakdown, b.breakdown));
  let pending: T[] = [];
  for await (const batch of batches) {
    const out: T[] = [];
    for (const c of batch) {
      if (pending.length > 0 && (pending[0] as T).period_start !== c.period_start) {
        out.push(...sort(pending));
        pending = [];
      }
      pending.push(c);
    }
    if (out.length > 0) yield out;
  }
  if (pending.length > 0) yield sort(pending);
}
