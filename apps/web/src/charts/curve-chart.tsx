// The turn-the-curve chart: actuals, targets and baseline, and the two lines a curve is read
// against — the curve we were on (fitted up to the baseline) and where we are headed (fitted
// through the latest figures), each with its shaded 80% band — drawn in styles that differ by
// dash and pattern as well as colour (so they survive a black-and-white printer), the verdict on
// the latest figure in one sentence, and the data table under. An actual under revision (the last
// approved figure of a period being corrected) is a hollow ring with "†" above, "†" in the table.

import type { Unit, VersusBaselineCurve } from '@rba/schema';
import { useId, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import { NameText } from '../components/name-text';
import { useMediaQuery } from '../components/use-media-query';
import { useI18n } from '../i18n/i18n-provider';
import { formatMeasureValue } from '../i18n/measure-value';
import { useRichMessage } from '../i18n/rich-message';
import { CurveLegend } from './curve-legend';
import { ActualMark, TargetMark } from './curve-marks';
import {
  type BandValue,
  type CurvePointInput,
  chartData,
  curveRows,
  hasBand,
  type PeriodValue,
  revisionPeriods,
  suppressedPeriods,
} from './curve-rows';
import { curveStyles as styles } from './curve-styles';
import { curveSummary, verdictSentence } from './curve-summary';
import { CurveTable } from './curve-table';
import './curve-chart.css';

export interface CurveChartProps {
  name: string;
  /** The measure's stored French name (null when none): an English fallback is marked lang="en". */
  nameFr?: string | null | undefined;
  points: readonly CurvePointInput[];
  targets: readonly PeriodValue[];
  /** Where we are headed: the line through the latest figures, with its 80% band. */
  forecast: readonly BandValue[];
  /** The curve we were on: the line fitted up to the baseline, with its 80% band. */
  baselineForecast?: readonly BandValue[] | undefined;
  /** The latest figure against the curve we were on, as the API judged it. */
  verdict?: VersusBaselineCurve | null | undefined;
  baselinePeriod: string | null;
  direction: 'up' | 'down';
  unit: Unit;
  decimals: number;
  /** Drawing size; the SVG keeps its proportions and shrinks to its container (and the page). */
  width?: number;
  height?: number;
}

/**
 * On a phone the drawing is narrower, so that once it shrinks to the screen its labels stay
 * legible (the axis then labels fewer periods; the table beneath lists them all).
 */
const phone = { query: '(max-width: 30rem)', width: 360, height: 260 };

export function CurveChart({
  name,
  nameFr,
  points,
  targets,
  forecast,
  baselineForecast,
  verdict = null,
  baselinePeriod,
  direction,
  unit,
  decimals,
  width = 720,
  height = 300,
}: CurveChartProps) {
  const { locale, t, periodName } = useI18n();
  const rich = useRichMessage();
  const narrow = useMediaQuery(phone.query);
  const hatch = `curve-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const rows = useMemo(
    () => curveRows({ points, targets, forecast, baselineForecast, baselinePeriod, direction }),
    [points, targets, forecast, baselineForecast, baselinePeriod, direction],
  );
  const data = useMemo(() => chartData(rows), [rows]);
  const format = (value: number) => formatMeasureValue(locale, value, unit, decimals);
  const formatTick = (value: number) => formatMeasureValue(locale, value, unit, decimals, 0);
  const curve = rows.some((r) => r.curve.value !== null);
  const ahead = rows.some((r) => r.forecast.value !== null);
  const curveBand = hasBand(rows, (r) => r.curve);
  const forecastBand = hasBand(rows, (r) => r.forecast);
  const suppressed = suppressedPeriods(rows);
  const underRevision = revisionPeriods(rows).length > 0;
  const baseline = rows.find((r) => r.isBaseline)?.period ?? null;
  const summary = curveSummary(rows, name, t, format, periodName);
  // A suppressed period is a gap in the line, marked under the axis with the same "x" as every
  // suppressed figure; the legend says what it means, the same words for every one of them.
  const suppressedMark = t('figures.value.suppressed');
  // A line of one point would not show: it gets a dot.
  const alone = (key: 'curve' | 'forecast') =>
    rows.filter((r) => r[key].value !== null).length === 1;
  const projected = (key: 'curve' | 'forecast', className: string) => (
    <Line
      className={className}
      dataKey={`${key}Line`}
      type="linear"
      {...styles[key]}
      dot={alone(key) ? { r: 3, fill: styles[key].stroke, strokeWidth: 0 } : false}
      activeDot={false}
      connectNulls={false}
      isAnimationActive={false}
    />
  );

  return (
    <figure className="curve-chart">
      <figcaption className="curve-chart-caption">
        {rich('chart.caption', { name: <NameText text={name} french={nameFr} /> })}
      </figcaption>
      <div className="curve-chart-plot" role="img" aria-label={summary}>
        <ComposedChart
          width={narrow ? Math.min(width, phone.width) : width}
          height={narrow ? Math.min(height, phone.height) : height}
          data={data}
          margin={{ top: 24, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <defs>
            <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse">
              <path d="M-1 7L7 -1M-1 1L1 -1M5 7L7 5" {...styles.curveHatch} />
            </pattern>
          </defs>
          <CartesianGrid vertical={false} stroke={styles.grid} />
          <XAxis
            dataKey="period"
            tickFormatter={periodName}
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
          {curveBand ? (
            <Area
              className="curve-band curve-band-baseline"
              dataKey="curveBand"
              type="linear"
              stroke="none"
              fill={`url(#${hatch})`}
              isAnimationActive={false}
              activeDot={false}
            />
          ) : null}
          {forecastBand ? (
            <Area
              className="curve-band curve-band-forecast"
              dataKey="forecastBand"
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
          {curve ? projected('curve', 'curve-baseline-curve') : null}
          {projected('forecast', 'curve-forecast')}
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
      {verdict ? (
        <p className={`curve-verdict curve-verdict-${verdictTone(verdict.better)}`}>
          {verdictSentence(verdict, t, format, periodName)}
        </p>
      ) : null}
      <CurveLegend
        target={targets.length > 0}
        baseline={baseline}
        curve={curve}
        curveBand={curveBand}
        forecast={ahead}
        band={forecastBand}
        suppressed={suppressed.length > 0}
        underRevision={underRevision}
      />
      <CurveTable rows={rows} format={format} curve={curve} />
    </figure>
  );
}

function verdictTone(better: boolean | null): string {
  return better === null ? 'neutral' : better ? 'favourable' : 'unfavourable';
}
