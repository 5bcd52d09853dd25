/**
 * Reads one golden case of each kind in FORMAT.md, checks its shape and computes the figures it
 * checks with the public API of this package.
 */
import {
  AGGREGATE_RULES,
  AGGREGATE_UNITS,
  type AggregateResult,
  type AggregateRule,
  type AggregateUnit,
  aggregate,
  aggregatePeriods,
  type Contribution,
  type ContributorRule,
  type PeriodContribution,
} from '../aggregate.js';
import { compareToBaseline } from '../baseline.js';
import type { Direction } from '../direction.js';
import { forecast } from '../forecast.js';
import { modifiedZScore } from '../outliers.js';
import {
  DEFAULT_FISCAL_YEAR_START,
  isPeriodType,
  nextPeriod,
  PERIOD_TYPES,
  parsePeriod,
  periodContaining,
  periodContains,
  previousPeriod,
} from '../periods.js';
import type { SeriesPoint } from '../series.js';
import { type SuppressionCell, suppressSmallCells } from '../suppress.js';
import { evaluateTarget } from '../target.js';
import { currentTrend } from '../trend.js';

/** The case itself is malformed (as opposed to the engine failing on a well-formed case). */
export class CaseShapeError extends Error {
  override name = 'CaseShapeError';
}

export type JsonObject = Record<string, unknown>;

export const CASE_KINDS = [
  'aggregate',
  'aggregate_periods',
  'trend',
  'target',
  'baseline',
  'forecast',
  'suppress',
  'period',
  'outliers',
] as const;

export type CaseKind = (typeof CASE_KINDS)[number];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

function objectAt(value: unknown, path: string): JsonObject {
  if (!isObject(value))
    throw new CaseShapeError(`${path} must be an object, got ${describe(value)}`);
  return value;
}

function arrayAt(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value))
    throw new CaseShapeError(`${path} must be an array, got ${describe(value)}`);
  return value;
}

function numberAt(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CaseShapeError(`${path} must be a number, got ${describe(value)}`);
  }
  return value;
}

/** A number or null; absent reads as null. */
function nullableNumberAt(value: unknown, path: string): number | null {
  return value === undefined || value === null ? null : numberAt(value, path);
}

function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string')
    throw new CaseShapeError(`${path} must be a string, got ${describe(value)}`);
  return value;
}

function oneOf<T extends string>(value: unknown, options: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new CaseShapeError(
      `${path} must be one of ${options.join(', ')}, got ${describe(value)}`,
    );
  }
  return value as T;
}

function directionOf(c: JsonObject): Direction {
  return oneOf(c.direction, ['up', 'down'] as const, 'direction');
}

function fiscalYearStartOf(c: JsonObject): number {
  if (c.fiscalYearStart === undefined) return DEFAULT_FISCAL_YEAR_START;
  const value = numberAt(c.fiscalYearStart, 'fiscalYearStart');
  if (!Number.isInteger(value) || value < 1 || value > 12) {
    throw new CaseShapeError(`fiscalYearStart must be a month 1–12, got ${value}`);
  }
  return value;
}

function contributionAt(value: unknown, path: string): Contribution {
  const input = objectAt(value, path);
  const contribution: {
    value?: number | null;
    numerator?: number | null;
    denominator?: number | null;
  } = {};
  for (const key of ['value', 'numerator', 'denominator'] as const) {
    if (input[key] !== undefined)
      contribution[key] = nullableNumberAt(input[key], `${path}.${key}`);
  }
  return contribution;
}

function seriesAt(value: unknown): SeriesPoint[] {
  return arrayAt(value, 'series').map((item, i) => {
    const point = objectAt(item, `series[${i}]`);
    return {
      period: stringAt(point.period, `series[${i}].period`),
      value: nullableNumberAt(point.value, `series[${i}].value`),
    };
  });
}

function aggregateOptions(c: JsonObject): {
  unit: AggregateUnit;
  rule: AggregateRule;
  per?: number;
} {
  const unit = oneOf(c.unit, AGGREGATE_UNITS, 'unit');
  const rule = oneOf(c.rule, AGGREGATE_RULES, 'rule');
  return c.per === undefined ? { unit, rule } : { unit, rule, per: numberAt(c.per, 'per') };
}

function resultRecord(result: AggregateResult): JsonObject {
  return { value: result.value, numerator: result.numerator, denominator: result.denominator };
}

function evaluateAggregate(c: JsonObject): JsonObject {
  const options = aggregateOptions(c);
  const inputs = arrayAt(c.inputs, 'inputs').map((item, i) => contributionAt(item, `inputs[${i}]`));
  // aggregate() rejects `latest` itself, with the reason.
  return resultRecord(aggregate(inputs, { ...options, rule: options.rule as ContributorRule }));
}

function evaluateAggregatePeriods(c: JsonObject): JsonObject {
  const inputs: PeriodContribution[] = arrayAt(c.inputs, 'inputs').map((item, i) => ({
    ...contributionAt(item, `inputs[${i}]`),
    period: stringAt(objectAt(item, `inputs[${i}]`).period, `inputs[${i}].period`),
  }));
  return resultRecord(
    aggregatePeriods(inputs, { ...aggregateOptions(c), fiscalYearStart: fiscalYearStartOf(c) }),
  );
}

function evaluateTrend(c: JsonObject): JsonObject {
  const result = currentTrend(seriesAt(c.series), {
    direction: directionOf(c),
    fiscalYearStart: fiscalYearStartOf(c),
  });
  return { ...result };
}

function evaluateTargetCase(c: JsonObject): JsonObject {
  const direction = directionOf(c);
  const options =
    c.band === undefined ? { direction } : { direction, band: numberAt(c.band, 'band') };
  return {
    ...evaluateTarget(
      nullableNumberAt(c.actual, 'actual'),
      nullableNumberAt(c.target, 'target'),
      options,
    ),
  };
}

function evaluateBaseline(c: JsonObject): JsonObject {
  return {
    ...compareToBaseline(
      nullableNumberAt(c.actual, 'actual'),
      nullableNumberAt(c.baseline, 'baseline'),
      { direction: directionOf(c) },
    ),
  };
}

function evaluateForecast(c: JsonObject): JsonObject {
  const horizon = numberAt(c.horizon, 'horizon');
  if (!Number.isInteger(horizon) || horizon < 0) {
    throw new CaseShapeError(`horizon must be a whole number ≥ 0, got ${horizon}`);
  }
  const points = forecast(seriesAt(c.series), { horizon, fiscalYearStart: fiscalYearStartOf(c) });
  return { points: points.map((point) => ({ ...point })) };
}

function evaluateSuppress(c: JsonObject): JsonObject {
  const threshold = numberAt(c.threshold, 'threshold');
  const cells: SuppressionCell[] = arrayAt(c.cells, 'cells').map((item, i) => {
    const path = `cells[${i}]`;
    const cell = objectAt(item, path);
    if (cell.total !== undefined && typeof cell.total !== 'boolean') {
      throw new CaseShapeError(`${path}.total must be true or false`);
    }
    return {
      key: stringAt(cell.key, `${path}.key`),
      ...contributionAt(cell, path),
      total: cell.total === true,
    };
  });
  return { suppressed: suppressSmallCells(cells, threshold).suppressed };
}

function evaluateOutliers(c: JsonObject): JsonObject {
  const history = arrayAt(c.history, 'history').map((x, i) => {
    if (x === null) return null;
    return numberAt(x, `history[${i}]`);
  });
  const threshold = c.threshold === undefined ? undefined : numberAt(c.threshold, 'threshold');
  const result = modifiedZScore(history, numberAt(c.value, 'value'), {
    ...(threshold === undefined ? {} : { threshold }),
  });
  return { score: result.score, outlier: result.outlier };
}

const PERIOD_OPS = ['parse', 'next', 'previous', 'contains', 'label'] as const;

function evaluatePeriod(c: JsonObject): JsonObject {
  const op = oneOf(c.op, PERIOD_OPS, 'op');
  const fiscalYearStart = fiscalYearStartOf(c);
  switch (op) {
    case 'parse': {
      const period = parsePeriod(stringAt(c.input, 'input'), fiscalYearStart);
      return { start: period.start, end: period.end, type: period.type, label: period.label };
    }
    case 'next':
      return { label: nextPeriod(stringAt(c.input, 'input'), fiscalYearStart) };
    case 'previous':
      return { label: previousPeriod(stringAt(c.input, 'input'), fiscalYearStart) };
    case 'contains': {
      const input = objectAt(c.input, 'input');
      return {
        contains: periodContains(
          stringAt(input.period, 'input.period'),
          stringAt(input.date, 'input.date'),
          fiscalYearStart,
        ),
      };
    }
    case 'label': {
      const input = objectAt(c.input, 'input');
      const type = input.type;
      if (!isPeriodType(type)) {
        throw new CaseShapeError(
          `input.type must be one of ${PERIOD_TYPES.join(', ')}, got ${describe(type)}`,
        );
      }
      return {
        label: periodContaining(stringAt(input.date, 'input.date'), type, fiscalYearStart),
      };
    }
    default:
      throw new CaseShapeError(`Unknown op ${describe(op satisfies never)}`);
  }
}

const EVALUATORS: Record<CaseKind, (c: JsonObject) => JsonObject> = {
  aggregate: evaluateAggregate,
  aggregate_periods: evaluateAggregatePeriods,
  trend: evaluateTrend,
  target: evaluateTargetCase,
  baseline: evaluateBaseline,
  forecast: evaluateForecast,
  suppress: evaluateSuppress,
  period: evaluatePeriod,
  outliers: evaluateOutliers,
};

export function isCaseKind(value: unknown): value is CaseKind {
  return typeof value === 'string' && (CASE_KINDS as readonly string[]).includes(value);
}

/** Computes the figures of a case whose kind is known; throws on a malformed case or bad input. */
export function evaluateCase(kind: CaseKind, c: JsonObject): JsonObject {
  return EVALUATORS[kind](c);
}
