// Breakdowns as stored: '' for the total, else `dim=value` pairs sorted by dimension code and
// joined by ';' — the canonical key the CSV export also writes.
import { issue, ValidationError } from '../errors.js';

export type Breakdown = Record<string, string>;

export function breakdownKey(b: Breakdown | undefined): string {
  if (!b) return '';
  return Object.keys(b)
    .sort()
    .map((k) => `${k}=${b[k]}`)
    .join(';');
}

export function parseBreakdownKey(key: string): Breakdown {
  if (key === '') return {};
  const out: Breakdown = {};
  for (const pair of key.split(';')) {
    const at = pair.indexOf('=');
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

/** The dimension codes a key breaks down by, e.g. 'age_group+gender'. */
export function breakdownGroup(key: string): string {
  return Object.keys(parseBreakdownKey(key)).join('+');
}

export interface DimensionVocabulary {
  code: string;
  values: { code: string }[];
}

/** Checks a breakdown against the measure's dimensions and their values; returns its key. */
export function checkBreakdown(
  b: Breakdown | undefined,
  measureDimensions: string[],
  vocabulary: DimensionVocabulary[],
): string {
  if (!b) return '';
  for (const [dim, value] of Object.entries(b)) {
    if (!measureDimensions.includes(dim)) {
      throw new ValidationError(
        measureDimensions.length === 0
          ? `breakdown: this measure has no breakdowns, so ${dim} is not allowed`
          : `breakdown: this measure is broken down by ${measureDimensions.join(', ')}, not ${dim}`,
        issue(`body.breakdown.${dim}`, 'unknown_dimension', {
          dimension: dim,
          dimensions: measureDimensions,
        }),
      );
    }
    const known = vocabulary.find((d) => d.code === dim);
    if (!known?.values.some((v) => v.code === value)) {
      throw new ValidationError(
        `breakdown: ${value} is not a value of ${dim}`,
        issue(`body.breakdown.${dim}`, 'unknown_dimension_value', { dimension: dim, value }),
      );
    }
  }
  return breakdownKey(b);
}
