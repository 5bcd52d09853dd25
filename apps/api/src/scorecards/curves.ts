// The two lines a measure's curve is read against, both from @rba/domain with their 80 % bands:
// where we are headed (the line through every shown figure) and the curve we were on (the line
// through the figures up to the baseline), and the latest figure read against the latter.
import { baselineForecast, type ForecastIntervalPoint, forecast } from '@rba/domain';
import {
  type BandPoint,
  CURVE_INTERVAL,
  type SeriesSummaryBody,
  type VersusBaselineCurve,
} from '@rba/schema';

export interface Curves {
  forecast: BandPoint[];
  baselineForecast: BandPoint[];
  versusBaselineCurve: VersusBaselineCurve | null;
}

function band(points: readonly ForecastIntervalPoint[]): BandPoint[] {
  return points.map((p) => ({ period: p.period, value: p.value, low: p.low, high: p.high }));
}

/**
 * The curves of a series. `shown` holds the figures the caller may see (a suppressed one counts
 * as missing), in period order; `summary` is the series summary made from the same points.
 * Both lines end `horizon` periods past the latest shown figure.
 */
export function curvesOf(
  shown: readonly { period: string; value: number }[],
  summary: Pick<SeriesSummaryBody, 'latest' | 'baseline' | 'direction'>,
  horizon: number,
  fiscalYearStart: number,
): Curves {
  const ahead = band(forecast(shown, { horizon, fiscalYearStart, interval: CURVE_INTERVAL }));
  const onBefore = summary.baseline
    ? band(
        baselineForecast(shown, {
          baseline: summary.baseline.period,
          horizon,
          fiscalYearStart,
          interval: CURVE_INTERVAL,
        }),
      )
    : [];
  return {
    forecast: ahead,
    baselineForecast: onBefore,
    versusBaselineCurve: versusCurve(summary, onBefore),
  };
}

/**
 * The latest figure against the curve we were on at its period: null when the latest figure is
 * hidden or missing (as its baseline change is), or when the curve does not reach that period.
 */
export function versusCurve(
  summary: Pick<SeriesSummaryBody, 'latest' | 'direction'>,
  curve: readonly BandPoint[],
): VersusBaselineCurve | null {
  const latest = summary.latest;
  if (!latest || latest.suppressed || latest.value === null) return null;
  const at = curve.find((p) => p.period === latest.period);
  if (!at) return null;
  const actual = latest.value;
  const better =
    actual === at.value ? null : summary.direction === 'up' ? actual > at.value : actual < at.value;
  return {
    period: latest.period,
    actual,
    expected: at.value,
    low: at.low,
    high: at.high,
    better,
  };
}
