/**
 * A figure that looks wrong: the modified z-score of a value against the same cell's earlier
 * figures (Iglewicz and Hoaglin), as FORMAT.md "outliers" defines it.
 */
import { InvalidInputError } from './errors.js';

export interface OutlierOptions {
  /** |score| above this (strictly) flags the value; default 3.5. */
  threshold?: number;
}

export interface OutlierResult {
  /** Null when there are fewer than 4 earlier figures, or none vary and the value differs. */
  readonly score: number | null;
  readonly outlier: boolean;
}

export const DEFAULT_OUTLIER_THRESHOLD = 3.5;
/** Fewer earlier figures than this say nothing about what is usual. */
const MIN_HISTORY = 4;

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const ascending = (a: number, b: number) => a - b;

/**
 * score = 0.6745 · (value − m) / MAD, m the median of the history and MAD the median of
 * |x − m|; with MAD 0, (value − m) / (1.253314 · mean |x − m|); with both 0, 0 when the value
 * is m, else null (and an outlier). Null history values are left out first.
 */
export function modifiedZScore(
  history: readonly (number | null)[],
  value: number,
  options: OutlierOptions = {},
): OutlierResult {
  const threshold = options.threshold ?? DEFAULT_OUTLIER_THRESHOLD;
  if (!Number.isFinite(value)) throw new InvalidInputError('The value must be a finite number');
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new InvalidInputError(`Threshold must be a number ≥ 0, got ${threshold}`);
  }
  const xs = history.filter((x): x is number => x !== null);
  if (xs.some((x) => !Number.isFinite(x))) {
    throw new InvalidInputError('Every earlier figure must be a finite number or null');
  }
  if (xs.length < MIN_HISTORY) return { score: null, outlier: false };
  const m = median([...xs].sort(ascending));
  const deviations = xs.map((x) => Math.abs(x - m));
  const mad = median([...deviations].sort(ascending));
  let score: number | null;
  if (mad > 0) score = (0.6745 * (value - m)) / mad;
  else {
    const meanAd = deviations.reduce((s, d) => s + d, 0) / deviations.length;
    if (meanAd > 0) score = (value - m) / (1.253314 * meanAd);
    else return value === m ? { score: 0, outlier: false } : { score: null, outlier: true };
  }
  return { score, outlier: Math.abs(score) > threshold };
}
