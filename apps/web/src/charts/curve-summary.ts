// The sentences of the curve chart: the one a screen reader hears for the drawing (what it spans,
// where it ends, where both lines go), and the verdict on the latest figure against the curve we
// were on, which everyone reads under the chart (so it is not repeated in the drawing's).

import type { VersusBaselineCurve } from '@rba/schema';
import type { Translate } from '../i18n/i18n-provider';
import { type CurveRow, type LineAt, revisionPeriods } from './curve-rows';

/** "In 2022, the latest figure (16.3%) is worse than the curve we were on, which pointed to …". */
export function verdictSentence(
  verdict: VersusBaselineCurve,
  t: Translate,
  formatValue: (value: number) => string,
  periodName: (label: string) => string,
): string {
  const period = periodName(verdict.period);
  const actual = formatValue(verdict.actual);
  if (verdict.better === null) return t('chart.verdict.same', { period, actual });
  const expected =
    verdict.low !== null && verdict.high !== null
      ? t('chart.verdict.expectedRange', {
          expected: formatValue(verdict.expected),
          low: formatValue(verdict.low),
          high: formatValue(verdict.high),
        })
      : formatValue(verdict.expected);
  return t(verdict.better ? 'chart.verdict.better' : 'chart.verdict.worse', {
    period,
    actual,
    expected,
  });
}

function lastOf(rows: readonly CurveRow[], pick: (r: CurveRow) => LineAt) {
  const row = rows.filter((r) => pick(r).value !== null).at(-1);
  const value = row ? pick(row).value : null;
  return row && value !== null ? { period: row.period, value } : null;
}

export function curveSummary(
  rows: readonly CurveRow[],
  name: string,
  t: Translate,
  formatValue: (value: number) => string,
  periodName: (label: string) => string,
): string {
  const observed = rows.filter((r) => r.actual !== null || r.suppressed);
  const first = observed[0];
  const last = observed.at(-1);
  if (!first || !last) return t('chart.summary.empty', { name });

  const parts = [
    t('chart.summary.range', {
      name,
      from: periodName(first.period),
      to: periodName(last.period),
    }),
  ];
  const latest = rows.filter((r) => r.actual !== null).at(-1);
  if (latest?.actual != null) {
    parts.push(
      t('chart.summary.latest', {
        value: formatValue(latest.actual),
        period: periodName(latest.period),
      }),
    );
  }
  const baseline = rows.find((r) => r.isBaseline);
  if (baseline) parts.push(t('chart.summary.baseline', { period: periodName(baseline.period) }));
  const curve = lastOf(rows, (r) => r.curve);
  if (curve && baseline) {
    parts.push(
      t('chart.summary.curve', {
        baseline: periodName(baseline.period),
        value: formatValue(curve.value),
        period: periodName(curve.period),
      }),
    );
  }
  const ahead = lastOf(rows, (r) => r.forecast);
  if (ahead) {
    parts.push(
      t('chart.summary.forecast', {
        value: formatValue(ahead.value),
        period: periodName(ahead.period),
      }),
    );
  }
  if (rows.some((r) => r.suppressed)) parts.push(t('chart.summary.suppressed'));
  const revised = revisionPeriods(rows);
  if (revised.length > 0) {
    parts.push(
      t('chart.summary.revision', {
        periods: revised.map((label) => periodName(label)).join(', '),
      }),
    );
  }
  parts.push(t('chart.summary.table'));
  return parts.join(' ');
}
