// Breakdown cells against their total: a part larger than the total is refused; parts that do
// not add up to the total are allowed with a warning (as DHIS2 and others do). The sums and
// comparisons are @rba/domain's; this module chooses the layers and words the warnings.
import { compareParts, partExceedsTotal } from '@rba/domain';
import { BreakdownExceedsTotalError } from '../errors.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import { breakdownGroup, type DimensionVocabulary } from './breakdown.js';
import { additiveLayers } from './figure.js';

interface Cell {
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface Warning {
  code: string;
  message: string;
}

export function checkPartsAgainstTotal(
  m: MeasureRow,
  cells: Cell[],
  writtenKey: string,
  vocabulary: DimensionVocabulary[],
): Warning[] {
  const fields = additiveLayers(m);
  const total = cells.find((c) => c.breakdown === '');
  if (fields.length === 0 || !total) return [];
  const parts = cells.filter((c) => c.breakdown !== '');
  const tooBig = parts.filter(
    (p) =>
      (writtenKey === '' || p.breakdown === writtenKey) &&
      fields.some((f) => partExceedsTotal(p[f], total[f])),
  );
  if (tooBig.length > 0) {
    throw new BreakdownExceedsTotalError(
      `A breakdown cell may not be larger than the total (${tooBig.map((p) => p.breakdown).join(', ')})`,
      tooBig.map((p) => p.breakdown),
    );
  }
  const warnings: Warning[] = [];
  const groups = new Set(
    parts.map((p) => breakdownGroup(p.breakdown)).filter((g) => !g.includes('+')),
  );
  for (const group of groups) {
    const inGroup = parts.filter((p) => breakdownGroup(p.breakdown) === group);
    const complete =
      inGroup.length === (vocabulary.find((d) => d.code === group)?.values.length ?? -1);
    for (const f of fields) {
      const parts = compareParts(
        total[f],
        inGroup.map((p) => p[f]),
      );
      if (!parts) continue;
      const { sum } = parts;
      const t = total[f] as number;
      if (parts.relation === 'over') {
        warnings.push({
          code: 'PARTS_EXCEED_TOTAL',
          message: `The ${group} parts' ${f === 'value' ? 'values' : `${f}s`} add up to ${sum}, more than the total ${t}`,
        });
      } else if (complete && parts.relation === 'under') {
        warnings.push({
          code: 'PARTS_DO_NOT_ADD_UP',
          message: `The ${group} parts' ${f === 'value' ? 'values' : `${f}s`} add up to ${sum}, not the total ${t}`,
        });
      }
    }
  }
  return warnings;
}
