// A measure's figure written in its unit and the client's language: 45.2 % in French, $1,200 in English.

import type { Unit } from '@rba/schema';
import { formatNumber } from './format';
import type { Locale } from './locale';

/**
 * Every figure of one measure with the same number of decimals, so a column of them lines up;
 * `minimumDecimals` lower for axis ticks, which need no trailing zeros.
 */
export function formatMeasureValue(
  locale: Locale,
  value: number,
  unit: Unit,
  decimals: number,
  minimumDecimals = decimals,
): string {
  const digits = {
    minimumFractionDigits: Math.min(minimumDecimals, decimals),
    maximumFractionDigits: decimals,
  };
  switch (unit) {
    case 'percent':
      // The API reports percentages as 0–100.
      return formatNumber(locale, value / 100, { style: 'percent', ...digits });
    case 'currency':
      return formatNumber(locale, value, { style: 'currency', currency: 'CAD', ...digits });
    case 'days':
      return formatNumber(locale, value, {
        style: 'unit',
        unit: 'day',
        unitDisplay: 'long',
        ...digits,
      });
    case 'count':
    case 'rate':
    case 'number':
      return formatNumber(locale, value, digits);
    default: {
      const unhandled: never = unit;
      return String(unhandled);
    }
  }
}

/** A relative change (0.25 for a quarter more) as a signed percentage: "+25%", "−10 %". */
export function formatChange(locale: Locale, change: number): string {
  return formatNumber(locale, change, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: Math.abs(change) < 0.1 ? 1 : 0,
  });
}
