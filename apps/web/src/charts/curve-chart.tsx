// The turn-the-curve chart: actuals, targets, baseline and forecast as lines that differ in
// style as well as colour (so they survive a black-and-white printer), with the data table under.
// An actual under revision (the last approved figure of a period being corrected) is drawn as a
// hollow ring with "†" above, and followed by "†" in the table.

import type { Unit } from '@rba/schema';
import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import { useI18n } from '../i18n/i18n-provider';
import { formatMeasureValue } from '../i18n/measure-value';
import { CurveLegend } from './curve-legend';
import { ActualMark, TargetMark } from './curve-marks';
import {
  type CurvePointInput,
  curveRows,
  hasTurningBand,
  type PeriodValue,
  revisionPeriods,
  suppressedPeriods,
} from './curve-rows';
import { curveStyles as styles } from './curve-styles';
import { curveSummary } from './curve-summary';
import { CurveTable } from './curve-table';

export interface CurveChartProps {
  name: string;
  points: readonly CurvePointInput[];
  targets: readonly PeriodValue[];
  forecast: readonly PeriodValue[];
  baselinePeriod: string | null;
  direction: 'up' | 'down';
  unit: Unit;
  decimals: number;
  /** Drawing size; the SVG keeps its proportions and shrinks to its container (and the page). */
  width?: number;
  height?: number;
}

export function CurveChart({
  name,
  points,
  targets,
  forecast,
  baselinePeriod,
  direction,
  unit,
  decimals,
  width = 720,
  height = 300,
}: CurveChartProps) {
  const { locale, t } = useI18n();
  const rows = useMemo(
    () => curveRows({ points, targets, forecast, baselinePeriod, direction }),
    [points, targets, forecast, baselinePeriod, direction],
  );
  const format = (value: number) => formatMeasureValue(locale, value, unit, decimals);
  const formatTick = (value: number) => formatMeasureValue(locale, value, unit, decimals, 0);
  const band = hasTurningBand(rows);
  const suppressed = suppressedPeriods(rows);
  const underRevision = revisionPeriods(rows).length > 0;
  const baseline = rows.find((r) => r.isBaseline)?.period ?? null;
  const summary = curveSummary(rows, name, t, format);
  // A suppressed period is a gap in the line, marked under the axis with the same "x" as every
  // suppressed figure; the legend says what it means, the same words for every one of them.
  const suppressedMark = t('figures.value.suppressed');

  return (
    <figure className="curve-chart">
      <figcaption className="curve-chart-caption">{t('chart.caption', { name })}</figcaption>
      <div className="curve-chart-plot" role="img" aria-label={summary}>
        <ComposedChart
          width={width}
          height={height}
          data={rows}
          margin={{ top: 24, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke={styles.grid} />
          <XAxis
            dataKey="period"
            tick={{ fill: styles.text, fontSize: 12 }}
            tickLine={false}
            stroke={styles.muted}
          />
          <YAxis
            tickFormatter={formatTick}
            tick={{ fill: styles.text, fontSize: 12 }}
            stroke={styles.muted}
            width={64}
            domain={[(min: number) => Math.min(0, min), 'auto']}
          />
          {band ? (
            <Area
              className="curve-band"
              dataKey="band"
              type="linear"
              stroke="none"
              {...styles.band}
              isAnimationActive={false}
              activeDot={false}
            />
          ) : null}
          <Line
            className="curve-target"
            dataKey="target"
            type="stepAfter"
            fill="none"
            {...styles.target}
            dot={<TargetMark />}
            activeDot={false}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            className="curve-forecast"
            dataKey="forecastLine"
            type="linear"
            {...styles.forecast}
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            className="curve-actual"
            dataKey="actual"
            type="linear"
            {...styles.actual}
            dot={<ActualMark revisionMark={t('figures.revision.mark')} />}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
          {baseline ? (
            <ReferenceLine
              className="curve-baseline"
              x={baseline}
              {...styles.baseline}
              label={{
                value: t('chart.baselineMarker'),
                position: 'top',
                fill: styles.text,
                fontSize: 12,
              }}
            />
          ) : null}
          {suppressed.map((period) => (
            <ReferenceLine
              key={period}
              className="curve-suppressed"
              x={period}
              {...styles.suppressed}
              label={{
                value: suppressedMark,
                position: 'insideBottom',
                fill: styles.text,
                fontSize: 14,
              }}
            />
          ))}
        </ComposedChart>
      </div>
      <CurveLegend
        target={targets.length > 0}
        baseline={baseline !== null}
        forecast={forecast.length > 0}
        band={band}
        suppressed={suppressed.length > 0}
        underRevision={underRevision}
      />
      <CurveTable rows={rows} format={format} />
    </figure>
  );
}
