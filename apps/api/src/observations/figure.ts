// The rules a figure must follow for its measure, before it is stored. The value of a ratio
// figure, and how a measure's figures combine, come from @rba/domain.
import {
  type AggregateOptions,
  aggregateUnitOf,
  type ContributorRule,
  ratioValue,
} from '@rba/domain';
import { issue, ValidationError } from '../errors.js';
import type { MeasureRow } from '../measures/measures.repository.js';

export interface FigureInput {
  value?: number | null | undefined;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
}

export interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** A measure combined by ratio is entered as numerator and denominator, always. */
export function isRatio(m: Pick<MeasureRow, 'aggregation'>): boolean {
  return m.aggregation === 'ratio';
}

/**
 * How @rba/domain's aggregate combines a measure's figures of one period across contributors
 * (partners, breakdown cells): by the measure's rule, a `latest` measure by summing.
 */
export function combineOptions(
  m: Pick<MeasureRow, 'unit' | 'rate_per' | 'aggregation'>,
): AggregateOptions {
  return {
    unit: aggregateUnitOf(m.unit),
    rule: contributorRule(m),
    ...(m.rate_per ? { per: m.rate_per } : {}),
  };
}

/** A measure's rule across contributors of one period: a `latest` (a stock) adds up like a sum. */
function contributorRule(m: Pick<MeasureRow, 'aggregation'>): ContributorRule {
  return m.aggregation === 'latest' ? 'sum' : m.aggregation;
}

export type Layer = 'value' | 'numerator' | 'denominator';

/**
 * The layers of a measure's figures that add up across breakdown cells and contributions, by the
 * same rule as combineOptions: a ratio's numerator and denominator, a sum's (or a stock's)
 * value; none for means and extremes. What a part may not exceed (parts.ts) and what a
 * restricted view protects from subtraction (disclosure/restricted-mask.ts).
 */
export function additiveLayers(m: Pick<MeasureRow, 'aggregation'>): Layer[] {
  const rule = contributorRule(m);
  if (rule === 'ratio') return ['numerator', 'denominator'];
  if (rule === 'sum') return ['value'];
  return [];
}

/** True when the input says nothing about the figure (a note-only edit keeps the figure). */
export function figureOmitted(input: FigureInput): boolean {
  return (
    input.value === undefined && input.numerator === undefined && input.denominator === undefined
  );
}

const LIMIT = 1e15;

export function checkFigure(m: MeasureRow, input: FigureInput): Figure {
  for (const [field, v] of Object.entries(input)) {
    if (typeof v === 'number' && Math.abs(v) > LIMIT) {
      throw new ValidationError(
        `${field}: must be between -${LIMIT} and ${LIMIT}`,
        v < 0
          ? issue(`body.${field}`, 'too_small', { minimum: -LIMIT, inclusive: true })
          : issue(`body.${field}`, 'too_big', { maximum: LIMIT, inclusive: true }),
      );
    }
  }
  const { value, numerator, denominator } = input;
  if (isRatio(m)) {
    if (value !== undefined && value !== null) {
      throw new ValidationError(
        'value: this measure is entered as numerator and denominator; the value is derived',
        issue('body.value', 'value_is_derived'),
      );
    }
    const hasNum = numerator !== undefined && numerator !== null;
    const hasDen = denominator !== undefined && denominator !== null;
    if (!hasNum && !hasDen) return { value: null, numerator: null, denominator: null };
    if (!hasNum || !hasDen) {
      throw new ValidationError(
        'numerator and denominator go together',
        issue(hasNum ? 'body.denominator' : 'body.numerator', 'numerator_and_denominator'),
      );
    }
    if (denominator === 0) {
      throw new ValidationError(
        'denominator: may not be 0',
        issue('body.denominator', 'zero_denominator'),
      );
    }
    if (denominator < 0 || numerator < 0) {
      throw new ValidationError(
        'numerator and denominator may not be negative',
        issue(numerator < 0 ? 'body.numerator' : 'body.denominator', 'too_small', {
          minimum: 0,
          inclusive: true,
        }),
      );
    }
    if (m.unit === 'percent' && numerator > denominator) {
      throw new ValidationError(
        'numerator: may not be greater than the denominator',
        issue('body.numerator', 'numerator_exceeds_denominator', { numerator, denominator }),
      );
    }
    const derived = ratioValue(numerator, denominator, m.unit, m.rate_per);
    if (derived === null || !Number.isFinite(derived)) {
      throw new ValidationError(
        'numerator and denominator give a value too large to store',
        issue('body.numerator', 'not_storable'),
      );
    }
    return { value: derived, numerator, denominator };
  }
  if (
    (numerator !== undefined && numerator !== null) ||
    (denominator !== undefined && denominator !== null)
  ) {
    throw new ValidationError(
      'numerator/denominator: this measure takes a single value',
      issue(
        numerator !== undefined && numerator !== null ? 'body.numerator' : 'body.denominator',
        'single_value_only',
      ),
    );
  }
  if (value === undefined || value === null)
    return { value: null, numerator: null, denominator: null };
  if (m.unit === 'count' && (value < 0 || !Number.isInteger(value))) {
    throw new ValidationError(
      'value: a count must be a whole number of at least 0',
      value < 0
        ? issue('body.value', 'too_small', { minimum: 0, inclusive: true })
        : issue('body.value', 'not_integer', { minimum: 0 }),
    );
  }
  if (m.unit === 'percent' && (value < 0 || value > 100)) {
    throw new ValidationError(
      'value: a percentage lies between 0 and 100',
      value < 0
        ? issue('body.value', 'too_small', { minimum: 0, inclusive: true })
        : issue('body.value', 'too_big', { maximum: 100, inclusive: true }),
    );
  }
  if (m.unit === 'days' && value < 0) {
    throw new ValidationError(
      'value: days may not be negative',
      issue('body.value', 'too_small', { minimum: 0, inclusive: true }),
    );
  }
  return { value, numerator: null, denominator: null };
}
