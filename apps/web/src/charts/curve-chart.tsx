// The turn-the-curve chart: actuals, targets, baseline and forecast as lines that differ in
// style as well as colour (so they survive a black-and-white printer), with the data table under.

import type { Unit } from '@rba/schema';
import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import { SuppressedValue } from '../components/figures/figure-value';
import { useI18n } from '../i18n/i18n-provider';
import { formatMeasureValue } from '../i18n/measure-value';
import {
  type CurvePointInput,
  curveRows,
  hasTurningBand,
  type PeriodValue,
  suppressedPeriods,
} from './curve-rows';
import { curveSummary } from './curve-summary';

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

/** One line style per element: each is told apart by its dash pattern and marks, not its colour. */
const styles = {
  actual: { stroke: '#0b5cad', strokeWidth: 2.5 },
  target: { stroke: '#1b1f24', strokeWidth: 2, strokeDasharray: '2 4' },
  forecast: { stroke: '#5c6470', strokeWidth: 2, strokeDasharray: '8 5' },
  baseline: { stroke: '#1b1f24', strokeWidth: 1.5 },
  suppressed: { stroke: '#5c6470', strokeWidth: 1, strokeDasharray: '1 3' },
  band: { fill: '#0b5cad', fillOpacity: 0.14 },
  text: '#1b1f24',
  muted: '#4f5763',
  grid: '#d5dbe3',
} as const;

const noValue = '–';

interface DotProps {
  cx?: number | null;
  cy?: number | null;
  index?: number;
}

/** Targets get a hollow diamond, so a lone target still shows and is not mistaken for an actual. */
function TargetMark({ cx, cy }: DotProps) {
  if (cx == null || cy == null) return null;
  const r = 4.5;
  return (
    <path
      d={`M${cx} ${cy - r}L${cx + r} ${cy}L${cx} ${cy + r}L${cx - r} ${cy}Z`}
      fill="#ffffff"
      stroke={styles.target.stroke}
      strokeWidth={1.5}
    />
  );
}

function Swatch({ kind }: { kind: 'actual' | 'target' | 'forecast' | 'baseline' | 'band' }) {
  return (
    <svg
      className="curve-legend-swatch"
      width="30"
      height="14"
      viewBox="0 0 30 14"
      aria-hidden="true"
      focusable="false"
    >
      {kind === 'band' ? (
        <rect x="1" y="2" width="28" height="10" {...styles.band} />
      ) : kind === 'baseline' ? (
        <line x1="15" y1="0" x2="15" y2="14" {...styles.baseline} />
      ) : kind === 'target' ? (
        <>
          <line x1="1" y1="7" x2="29" y2="7" {...styles.target} />
          <path d="M15 3L19 7L15 11L11 7Z" fill="#ffffff" stroke={styles.target.stroke} />
        </>
      ) : kind === 'forecast' ? (
        <line x1="1" y1="7" x2="29" y2="7" {...styles.forecast} />
      ) : (
        <>
          <line x1="1" y1="7" x2="29" y2="7" {...styles.actual} />
          <circle cx="15" cy="7" r="3.5" fill={styles.actual.stroke} />
        </>
      )}
    </svg>
  );
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
            dot={{ r: 4, fill: styles.actual.stroke, strokeWidth: 0 }}
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
      <ul className="curve-legend" aria-label={t('chart.legend.label')}>
        <li className="curve-legend-item">
          <Swatch kind="actual" />
          {t('chart.legend.actual')}
        </li>
        {targets.length > 0 ? (
          <li className="curve-legend-item">
            <Swatch kind="target" />
            {t('chart.legend.target')}
          </li>
        ) : null}
        {baseline ? (
          <li className="curve-legend-item">
            <Swatch kind="baseline" />
            {t('chart.legend.baseline')}
          </li>
        ) : null}
        {forecast.length > 0 ? (
          <li className="curve-legend-item">
            <Swatch kind="forecast" />
            {t('chart.legend.forecast')}
          </li>
        ) : null}
        {band ? (
          <li className="curve-legend-item">
            <Swatch kind="band" />
            {t('chart.legend.band')}
          </li>
        ) : null}
        {suppressed.length > 0 ? (
          <li className="curve-legend-item">
            <span className="curve-legend-mark" aria-hidden="true">
              {suppressedMark}
            </span>
            {t('chart.legend.suppressed')}
          </li>
        ) : null}
      </ul>
      <table className="data-table curve-table">
        <caption>{t('chart.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.table.period')}</th>
            <th scope="col">{t('chart.table.actual')}</th>
            <th scope="col">{t('chart.table.target')}</th>
            <th scope="col">{t('chart.table.forecast')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">
                {row.period}
                {row.isBaseline ? (
                  <span className="muted"> ({t('chart.table.baseline')})</span>
                ) : null}
              </th>
              <td className="number">
                {row.suppressed ? (
                  <SuppressedValue />
                ) : row.actual === null ? (
                  noValue
                ) : (
                  format(row.actual)
                )}
              </td>
              <td className="number">{row.target === null ? noValue : format(row.target)}</td>
              <td className="number">{row.forecast === null ? noValue : format(row.forecast)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
