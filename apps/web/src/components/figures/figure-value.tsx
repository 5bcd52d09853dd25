// One figure of a measure in its unit and the reader's language: "45% (90/200)" for a ratio
// percentage, "< 5" with the reason for a suppressed small count (never 0, never blank).

import type { Unit } from '@rba/schema';
import type { Translate } from '../../i18n/i18n-provider';
import { useI18n } from '../../i18n/i18n-provider';
import type { Locale } from '../../i18n/locale';
import { formatMeasureValue } from '../../i18n/measure-value';
import { noFigureGlyph } from './figure-glyphs';
import './figures.css';

export interface Figure {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  suppressed: boolean;
}

export interface FigureFormat {
  unit: Unit;
  decimals: number;
  /** The small-cell threshold in use (the API's `suppressionThreshold`), when it reports one. */
  threshold: number | null;
}

/** The figure as text, as it is shown; null when there is no figure at all. */
export function figureText(
  figure: Figure | null,
  { unit, decimals, threshold }: FigureFormat,
  locale: Locale,
  t: Translate,
): string | null {
  if (!figure) return null;
  if (figure.suppressed) {
    return threshold === null
      ? t('figures.value.suppressed')
      : t('figures.value.below', { threshold });
  }
  if (figure.value === null) return null;
  const value = formatMeasureValue(locale, figure.value, unit, decimals);
  const { numerator, denominator } = figure;
  if (unit === 'percent' && numerator != null && denominator != null) {
    // t() writes numbers in the reader's locale (1 052 in French).
    return t('figures.value.ratio', { value, numerator, denominator });
  }
  return value;
}

/** Why a figure reads "< 5": said on hover and to screen readers. */
export function suppressionReason(threshold: number | null, t: Translate): string {
  return threshold === null
    ? t('figures.value.suppressedWhyGeneric')
    : t('figures.value.suppressedWhy', { threshold });
}

export function FigureValue({ figure, ...format }: { figure: Figure | null } & FigureFormat) {
  const { locale, t } = useI18n();
  if (figure?.suppressed) {
    const why = suppressionReason(format.threshold, t);
    return (
      <span className="figure-value figure-suppressed" title={why}>
        <span aria-hidden="true">{figureText(figure, format, locale, t)}</span>
        <span className="visually-hidden">{why}</span>
      </span>
    );
  }
  const text = figureText(figure, format, locale, t);
  if (text === null) {
    return (
      <span className="figure-value figure-none" title={t('figures.value.none')}>
        <span aria-hidden="true">{noFigureGlyph}</span>
        <span className="visually-hidden">{t('figures.value.none')}</span>
      </span>
    );
  }
  return <span className="figure-value">{text}</span>;
}
