// The sentence a screen reader hears for the curve chart: what it spans, where it ends, what next.

import type { Translate } from '../i18n/i18n-provider';
import { type CurveRow, revisionPeriods } from './curve-rows';

export function curveSummary(
  rows: readonly CurveRow[],
  name: string,
  t: Translate,
  formatValue: (value: number) => string,
): string {
  const observed = rows.filter((r) => r.actual !== null || r.suppressed);
  const first = observed[0];
  const last = observed.at(-1);
  if (!first || !last) return t('chart.summary.empty', { name });

  const parts = [t('chart.summary.range', { name, from: first.period, to: last.period })];
  const latest = rows.filter((r) => r.actual !== null).at(-1);
  if (latest?.actual != null) {
    parts.push(
      t('chart.summary.latest', { value: formatValue(latest.actual), period: latest.period }),
    );
  }
  const baseline = rows.find((r) => r.isBaseline);
  if (baseline) parts.push(t('chart.summary.baseline', { period: baseline.period }));
  const projected = rows.filter((r) => r.forecast !== null).at(-1);
  if (projected?.forecast != null) {
    parts.push(
      t('chart.summary.forecast', {
        value: formatValue(projected.forecast),
        period: projected.period,
      }),
    );
  }
  if (rows.some((r) => r.suppressed)) parts.push(t('chart.summary.suppressed'));
  const revised = revisionPeriods(rows);
  if (revised.length > 0) {
    parts.push(t('chart.summary.revision', { periods: revised.join(', ') }));
  }
  parts.push(t('chart.summary.table'));
  return parts.join(' ');
}
