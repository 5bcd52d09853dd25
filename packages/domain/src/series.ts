/**
 * A series of one measure over periods, put in period order once so that trend and forecast can
 * walk plain arrays of sequence indices instead of labels.
 */
import { InvalidInputError } from './errors.js';
import { DEFAULT_FISCAL_YEAR_START, type PeriodType, periodIndex } from './periods.js';

/** One observation: a period label and its value, null when the period has no value. */
export interface SeriesPoint {
  readonly period: string;
  readonly value: number | null;
}

/**
 * A series in period order. `indices` are the periods' sequence indices (ascending, distinct, so
 * a gap shows as a jump of more than 1); `values[i]` belongs to `indices[i]`.
 */
export interface IndexedSeries {
  /** Null only for an empty series. */
  readonly type: PeriodType | null;
  readonly fiscalYearStart: number;
  readonly indices: readonly number[];
  readonly values: readonly (number | null)[];
}

/**
 * Sorts a series by period and checks it: one period type, each period once, finite values.
 * Throws {@link InvalidInputError} or {@link PeriodError} otherwise.
 */
export function indexSeries(
  points: readonly SeriesPoint[],
  fiscalYearStart: number = DEFAULT_FISCAL_YEAR_START,
): IndexedSeries {
  if (!Array.isArray(points)) throw new InvalidInputError('A series must be an array of points');
  const count = points.length;
  let indices: number[] = new Array<number>(count);
  let values: (number | null)[] = new Array<number | null>(count);
  let type: PeriodType | null = null;
  let sorted = true;
  for (let i = 0; i < count; i++) {
    const point = points[i] as SeriesPoint;
    const position = periodIndex(point.period, fiscalYearStart);
    if (type === null) type = position.type;
    else if (position.type !== type) {
      throw new InvalidInputError(
        `A series mixes a ${type} and a ${position.type} (${point.period})`,
      );
    }
    const value = point.value ?? null;
    if (value !== null && !Number.isFinite(value)) {
      throw new InvalidInputError(`Value for ${point.period} must be a finite number or null`);
    }
    indices[i] = position.index;
    values[i] = value;
    if (i > 0 && position.index <= (indices[i - 1] as number)) sorted = false;
  }
  if (!sorted) {
    const order = indices
      .map((_, i) => i)
      .sort((a, b) => (indices[a] as number) - (indices[b] as number));
    indices = order.map((i) => indices[i] as number);
    values = order.map((i) => values[i] as number | null);
    for (let i = 1; i < count; i++) {
      if (indices[i] === indices[i - 1]) {
        const duplicate = points.find(
          (p) => periodIndex(p.period, fiscalYearStart).index === indices[i],
        );
        throw new InvalidInputError(`Period ${duplicate?.period} appears more than once`);
      }
    }
  }
  return { type, fiscalYearStart, indices, values };
}
