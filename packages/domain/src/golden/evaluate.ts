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
  type ContributorRule,
  type PeriodContribution,
} from '../aggregate.js';
import { compareToBaseline } from '../baseline.js';
import { modifiedZScore } from '../outliers.js';
import {
  isPeriodType,
  nextPeriod,
  PERIOD_TYPES,
  parsePeriod,
  periodContaining,
  periodContains,
  previousPeriod,
} from '../periods.js';
import { type SuppressionCell, suppressSmallCells } from '../suppress.js';
import { evaluateTarget } from '../target.js';
import { currentTrend } from '../trend.js';
import { evaluateBaselineForecast, evaluateChange, evaluateForecast } from './evaluate-curve.js';
import { evaluateNetwork } from './evaluate-network.js';
import {
  arrayAt,
  CaseShapeError,
  contributionAt,
  describe,
  directionOf,
  fiscalYearStartOf,
  isObject,
  type JsonObject,
  nullableNumberAt,
  numberAt,
  objectAt,
  oneOf,
  seriesAt,
  stringAt,
} from './shape.js';

export { CaseShapeError, isObject, type JsonObject };

export const CASE_KINDS = [
  'aggregate',
  'aggregate_periods',
  'trend',
  'target',
  'baseline',
  'forecast',
  'baseline_forecast',
  'change',
  'suppress',
  'period',
  'outliers',
  'network',
] as const;

export type CaseKind = (typeof CASE_KINDS)[number];

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
  baseline_forecast: evaluateBaselineForecast,
  change: evaluateChange,
  suppress: evaluateSuppress,
  period: evaluatePeriod,
  outliers: evaluateOutliers,
  network: evaluateNetwork,
};

export function isCaseKind(value: unknown): value is CaseKind {
  return typeof value === 'string' && (CASE_KINDS as readonly string[]).includes(value);
}

/** Computes the figures of a case whose kind is known; throws on a malformed case or bad input. */
export function evaluateCase(kind: CaseKind, c: JsonObject): JsonObject {
  return EVALUATORS[kind](c);
}
