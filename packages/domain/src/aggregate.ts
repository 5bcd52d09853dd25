/**
 * Combining one measure's figures: across contributors (partners, locations, disaggregation
 * cells) for one period, or across the periods of one series.
 */
import { InvalidInputError } from './errors.js';
import { DEFAULT_FISCAL_YEAR_START, type PeriodType, periodIndex } from './periods.js';

export type AggregateUnit = 'count' | 'percent' | 'number' | 'rate';
export type AggregateRule = 'sum' | 'ratio' | 'mean' | 'max' | 'min' | 'latest';
/** `latest` needs periods, so contributors for one period cannot use it. */
export type ContributorRule = Exclude<AggregateRule, 'latest'>;

export const AGGREGATE_UNITS: readonly AggregateUnit[] = ['count', 'percent', 'number', 'rate'];
export const AGGREGATE_RULES: readonly AggregateRule[] = [
  'sum',
  'ratio',
  'mean',
  'max',
  'min',
  'latest',
];

/** One reported figure: a value, or a numerator and denominator, or both. */
export interface Contribution {
  readonly value?: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
}

export interface PeriodContribution extends Contribution {
  readonly period: string;
}

/** `null` means not computable; numerator and denominator are null unless the rule carries them. */
export interface AggregateResult {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface AggregateOptions {
  readonly unit: AggregateUnit;
  readonly rule: ContributorRule;
  /** For a rate: the ratio is per this many (e.g. 1000). Ignored for other units. */
  readonly per?: number;
}

export interface AggregatePeriodsOptions {
  readonly unit: AggregateUnit;
  readonly rule: AggregateRule;
  readonly per?: number;
  /** Month the fiscal year starts in, 1–12; default 4 (April). */
  readonly fiscalYearStart?: number;
}

const NOTHING: AggregateResult = Object.freeze({ value: null, numerator: null, denominator: null });

/** The factor a numerator/denominator ratio is multiplied by: 100 for percent, `per` for a rate, else 1. */
export function ratioScale(unit: AggregateUnit, per?: number): number {
  if (!(AGGREGATE_UNITS as readonly string[]).includes(unit)) {
    throw new InvalidInputError(`Unknown unit ${JSON.stringify(unit)}`);
  }
  if (per !== undefined && (!Number.isFinite(per) || per <= 0)) {
    throw new InvalidInputError(`"per" must be a positive number, got ${per}`);
  }
  if (unit === 'percent') return 100;
  if (unit === 'rate' && per !== undefined) return per;
  return 1;
}

function checkNumber(value: number | null | undefined, what: string, index: number): void {
  if (value !== undefined && value !== null && !Number.isFinite(value)) {
    throw new InvalidInputError(`Input ${index}: ${what} must be a finite number or null`);
  }
}

function checkInputs(inputs: readonly Contribution[]): void {
  if (!Array.isArray(inputs)) throw new InvalidInputError('Inputs must be an array');
  inputs.forEach((input, index) => {
    checkNumber(input.value, 'value', index);
    checkNumber(input.numerator, 'numerator', index);
    checkNumber(input.denominator, 'denominator', index);
  });
}

/**
 * The value an input stands for: its `value`, or failing that its numerator/denominator ratio
 * scaled for the unit (null when the denominator is 0 or a part is missing).
 */
export function contributionValue(input: Contribution, scale: number): number | null {
  if (input.value !== undefined && input.value !== null) return input.value;
  const { numerator, denominator } = input;
  if (numerator === undefined || numerator === null) return null;
  if (denominator === undefined || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * scale;
}

/**
 * The unit a measure's figures combine as: `count`, `percent` and `rate` as they are; any other
 * unit (number, currency, days…) as a plain `number`.
 */
export function aggregateUnitOf(unit: string): AggregateUnit {
  return unit === 'count' || unit === 'percent' || unit === 'rate' ? unit : 'number';
}

/**
 * The value a numerator and denominator stand for, in the measure's unit: (numerator ÷
 * denominator) × 100 for a percent, × `per` for a rate (× 1 without one), × 1 for any other unit.
 * Null when either is missing or the denominator is 0. What a stored ratio figure's value is, and
 * what the entry grid shows while the two are typed.
 */
export function ratioValue(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  unit: string,
  per?: number | null,
): number | null {
  for (const [what, x] of [
    ['Numerator', numerator],
    ['Denominator', denominator],
  ] as const) {
    if (x !== undefined && x !== null && !Number.isFinite(x)) {
      throw new InvalidInputError(`${what} must be a finite number or null, got ${x}`);
    }
  }
  const scale = ratioScale(aggregateUnitOf(unit), per ?? undefined);
  return contributionValue({ numerator, denominator }, scale);
}

function ratioOf(inputs: readonly Contribution[], scale: number): AggregateResult {
  let numerator = 0;
  let denominator = 0;
  let parts = 0;
  for (const input of inputs) {
    if (input.numerator === undefined || input.numerator === null) continue;
    if (input.denominator === undefined || input.denominator === null) continue;
    numerator += input.numerator;
    denominator += input.denominator;
    parts++;
  }
  if (parts === 0) return NOTHING;
  // Σnumerator/Σdenominator, never a mean of the inputs' own ratios.
  const value = denominator === 0 ? null : (numerator / denominator) * scale;
  return { value, numerator, denominator };
}

function reduceValues(
  inputs: readonly Contribution[],
  scale: number,
  rule: 'sum' | 'mean' | 'max' | 'min',
): AggregateResult {
  let count = 0;
  let total = 0;
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (const input of inputs) {
    const value = contributionValue(input, scale);
    if (value === null) continue;
    count++;
    total += value;
    if (value > max) max = value;
    if (value < min) min = value;
  }
  if (count === 0) return NOTHING;
  const value =
    rule === 'sum' ? total : rule === 'mean' ? total / count : rule === 'max' ? max : min;
  return { value, numerator: null, denominator: null };
}

function combine(
  inputs: readonly Contribution[],
  unit: AggregateUnit,
  rule: ContributorRule,
  per: number | undefined,
): AggregateResult {
  const scale = ratioScale(unit, per);
  switch (rule) {
    case 'ratio':
      return ratioOf(inputs, scale);
    case 'sum':
    case 'mean':
    case 'max':
    case 'min':
      return reduceValues(inputs, scale, rule);
    default:
      throw new InvalidInputError(
        rule === 'latest'
          ? 'Rule "latest" combines periods of one series: use aggregatePeriods'
          : `Unknown rule ${JSON.stringify(rule)}`,
      );
  }
}

/**
 * Combines contributors reporting one measure for one period. Inputs without a usable figure are
 * skipped; no usable input gives a null value.
 */
export function aggregate(
  inputs: readonly Contribution[],
  options: AggregateOptions,
): AggregateResult {
  checkInputs(inputs);
  return combine(inputs, options.unit, options.rule, options.per);
}

/**
 * Combines the periods of one series (one input per period, any order, one period type), e.g.
 * four quarters into a year. `latest` takes the latest period that has a value.
 */
export function aggregatePeriods(
  inputs: readonly PeriodContribution[],
  options: AggregatePeriodsOptions,
): AggregateResult {
  checkInputs(inputs);
  const fiscalYearStart = options.fiscalYearStart ?? DEFAULT_FISCAL_YEAR_START;
  const indices = periodIndices(inputs, fiscalYearStart);
  if (options.rule !== 'latest') {
    return combine(inputs, options.unit, options.rule, options.per);
  }
  const scale = ratioScale(options.unit, options.per);
  let best: PeriodContribution | undefined;
  let bestIndex = Number.NEGATIVE_INFINITY;
  let bestValue: number | null = null;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const index = indices[i];
    if (input === undefined || index === undefined || index <= bestIndex) continue;
    const value = contributionValue(input, scale);
    if (value === null) continue;
    best = input;
    bestIndex = index;
    bestValue = value;
  }
  if (best === undefined) return NOTHING;
  return {
    value: bestValue,
    numerator: best.numerator ?? null,
    denominator: best.denominator ?? null,
  };
}

function periodIndices(inputs: readonly PeriodContribution[], fiscalYearStart: number): number[] {
  let type: PeriodType | undefined;
  const seen = new Set<number>();
  return inputs.map((input) => {
    const position = periodIndex(input.period, fiscalYearStart);
    type ??= position.type;
    if (position.type !== type) {
      throw new InvalidInputError(`Periods mix a ${type} and a ${position.type} (${input.period})`);
    }
    if (seen.has(position.index)) {
      throw new InvalidInputError(`Period ${input.period} appears more than once`);
    }
    seen.add(position.index);
    return position.index;
  });
}
