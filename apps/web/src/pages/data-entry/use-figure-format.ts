// Figures of the entry sheet written for people: in the measure's unit and the client's language,
// a percentage with its numerator and denominator ("45% (90/200)"). Formatting only.

import { useMemo } from 'react';
import type { EntryMeasure } from '../../api/entry-api';
import { useI18n } from '../../i18n/i18n-provider';
import { formatMeasureValue } from '../../i18n/measure-value';

interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

type Unit = Pick<EntryMeasure, 'unit' | 'decimals' | 'entry'>;

export interface FigureFormat {
  /** A stored figure, or null when there is none. */
  figure: (measure: Unit, figure: Figure | null | undefined) => string | null;
  /** A figure in the measure's unit (a percentage as 0–100). */
  value: (measure: Unit, value: number) => string;
  /** A difference the API reports between two periods, signed; percentages in points. */
  change: (measure: Unit, change: number) => string;
}

export function useFigureFormat(): FigureFormat {
  const { t, locale, formatNumber } = useI18n();
  return useMemo(() => {
    const value = (m: Unit, v: number) => formatMeasureValue(locale, v, m.unit, m.decimals);
    return {
      value,
      figure: (m, f) => {
        if (!f || f.value === null) return null;
        const shown = value(m, f.value);
        if (m.entry === 'ratio' && f.numerator !== null && f.denominator !== null) {
          return t('dataEntry.figure.ratio', {
            value: shown,
            numerator: formatNumber(f.numerator),
            denominator: formatNumber(f.denominator),
          });
        }
        return shown;
      },
      change: (m, c) => {
        if (m.unit === 'percent') {
          return t('dataEntry.figure.points', {
            change: formatNumber(c, {
              signDisplay: 'exceptZero',
              maximumFractionDigits: Math.max(1, m.decimals),
            }),
          });
        }
        const size = formatMeasureValue(locale, Math.abs(c), m.unit, m.decimals);
        return c > 0 ? `+${size}` : c < 0 ? `−${size}` : size;
      },
    };
  }, [t, locale, formatNumber]);
}
