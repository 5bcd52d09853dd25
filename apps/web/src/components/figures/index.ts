// The figure components every scorecard-like view shares; import them from here.

export { BaselineChange } from './baseline-change';
export { CategoryIcon, HeadlineMark } from './category-icon';
export { ExportButtons } from './export-buttons';
export {
  categoryGlyphs,
  headlineGlyph,
  indicatorGlyph,
  statusGlyphs,
  trendGlyphs,
} from './figure-glyphs';
export {
  type Figure,
  type FigureFormat,
  FigureValue,
  figureText,
  SuppressedLegend,
  SuppressedValue,
} from './figure-value';
export { PlanStatus } from './plan-status';
export {
  anyUnderRevision,
  isUnderRevision,
  type MaybeUnderRevision,
  RevisionLegend,
  RevisionMark,
} from './revision-mark';
export { Sparkline, type SparkPoint, sparkRuns } from './sparkline';
export { TargetStatusBadge } from './target-status-badge';
export { type Trend, TrendBadge, toneOf, trendSentence, trendWord } from './trend-badge';
