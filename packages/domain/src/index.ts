/**
 * @rba/domain: the scorecard arithmetic, pure and shared by the API and the web client. Every
 * figure follows the golden cases' format (packages/domain/README.md). Dates are ISO
 * `YYYY-MM-DD` strings; fiscal years start in `fiscalYearStart` (1–12, default 4). Bad input
 * throws a {@link DomainError} subclass.
 */

/** Combining contributors for one period, or the periods of one series. */
export {
  AGGREGATE_RULES,
  AGGREGATE_UNITS,
  type AggregateOptions,
  type AggregatePeriodsOptions,
  type AggregateResult,
  type AggregateRule,
  type AggregateUnit,
  aggregate,
  aggregatePeriods,
  aggregateUnitOf,
  type Contribution,
  type ContributorRule,
  contributionValue,
  type PeriodContribution,
  ratioScale,
  ratioValue,
} from './aggregate.js';
/** Change since the baseline: relative, or in points for percents and rates. */
export {
  type BaselineOptions,
  type BaselineResult,
  type ChangeOptions,
  type ChangeResult,
  type ChangeUnit,
  changeSinceBaseline,
  changeUnitOf,
  compareToBaseline,
  POINTS_CHANGE_UNITS,
} from './baseline.js';
/** The curve we were on at the baseline, to read the actuals since against. */
export {
  type BaselineForecastOptions,
  baselineForecast,
  baselineForecastIndexed,
} from './baseline-forecast.js';
/** Series in period order, the measure's desired direction. */
export { checkDirection, type Direction } from './direction.js';
/** Small-cell suppression of one line, and of everything a restricted view shows at once. */
export type {
  DisclosureCell,
  DisclosureProblem,
  DisclosureRelation,
} from './disclosure/problem.js';
export { hiddenRanges, type ProtectionResult, protectCells } from './disclosure/protect.js';
export type { Range } from './disclosure/ranges.js';
export { familyProblem, type MeasureCells } from './disclosure/relations.js';
/** Errors: {@link PeriodError} for labels and dates, {@link InvalidInputError} for the rest. */
export { DomainError, InvalidInputError, PeriodError } from './errors.js';
/** Least-squares forecast, with an optional prediction interval. */
export {
  type ForecastIntervalPoint,
  type ForecastOptions,
  type ForecastPoint,
  fitLine,
  forecast,
  forecastIndexed,
  type LineFit,
} from './forecast.js';
/** A figure that looks wrong against the same cell's earlier figures (modified z-score). */
export {
  DEFAULT_OUTLIER_THRESHOLD,
  modifiedZScore,
  type OutlierOptions,
  type OutlierResult,
} from './outliers.js';
/** Breakdown parts against their total. */
export {
  compareParts,
  PARTS_TOLERANCE,
  type PartsComparison,
  partExceedsTotal,
} from './parts.js';
/** Loose spreadsheet period forms (`2021Q2`, `Q2 2021`, `2021/22`, `Apr 2021`, dates) to labels. */
export {
  type NormalizePeriodOptions,
  type NormalizePeriodResult,
  normalizePeriod,
  tryNormalizePeriod,
} from './period-input.js';
/** Period labels (`2025`, `2025-Q3`, `2025-07`, `FY2025-26`, `FY2025-26-Q1`) and their arithmetic. */
export {
  checkFiscalYearStart,
  comparePeriods,
  DEFAULT_FISCAL_YEAR_START,
  formatIsoDate,
  formatPeriod,
  frenchPeriodName,
  type IsoDateParts,
  isPeriodType,
  nextPeriod,
  PERIOD_TYPES,
  type Period,
  type PeriodPosition,
  type PeriodRef,
  type PeriodType,
  parseIsoDate,
  parsePeriod,
  periodBounds,
  periodContaining,
  periodContains,
  periodDistance,
  periodFromIndex,
  periodIndex,
  periodName,
  periodRefContaining,
  periodsBetween,
  previousPeriod,
  shiftPeriod,
} from './periods.js';
export { type IndexedSeries, indexSeries, type SeriesPoint } from './series.js';
/** Student's t distribution, for prediction intervals. */
export { studentTCdf, studentTQuantile } from './student-t.js';
/** All of a scorecard row's figures for one measure in one call. */
export { type SeriesSummary, type SeriesSummaryOptions, summarizeSeries } from './summary.js';
export {
  isSmallCount,
  type SuppressionCell,
  type SuppressionDecision,
  type SuppressionResult,
  suppressSmallCells,
} from './suppress.js';
export {
  DEFAULT_TARGET_BAND,
  evaluateTarget,
  type TargetOptions,
  type TargetResult,
  type TargetStatus,
} from './target.js';
/** Reporting timeliness: due dates passed, on-time rate, median days to approval. */
export {
  type ApprovalRecord,
  type ApprovalTimeResult,
  type DueRecord,
  daysBetween,
  dueHasPassed,
  median,
  medianDaysToApproval,
  type OnTimeResult,
  onTimeRate,
  submittedOnTime,
} from './timeliness.js';
/** Current trend (run rule), target status, baseline change, least-squares forecast. */
export {
  currentTrend,
  type Trend,
  type TrendOptions,
  type TrendResult,
  trendOfIndexed,
} from './trend.js';
