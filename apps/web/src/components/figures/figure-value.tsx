// One figure of a measure in its unit and the reader's language: "45% (90/200)" for a ratio
// percentage; "x" for a suppressed one (never 0, never blank). Every suppressed figure reads the
// same "x", with the same neutral reason, whatever hid it: a small count, or a figure hidden to
// protect one. Nothing here may tell the two apart, nor say the threshold. A figure under
// revision (the last approved one of a period being corrected) stays shown, followed by "†".

import type { Unit } from '@rba/schema';
import type { Translate } from '../../i18n/i18n-provider';
import { useI18n } from '../../i18n/i18n-provider';
import type { Locale } from '../../i18n/locale';
import { formatMeasureValue } from '../../i18n/measure-value';
import { noFigureGlyph } from './figure-glyphs';
import './figures.css';
import { isUnderRevision, RevisionMark } from './revision-mark';

export interface Figure {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  suppressed: boolean;
  /** The last approved figure of a period reopened for correction (readers of approved figures). */
  underRevision?: boolean | undefined;
}

export interface FigureFormat {
  unit: Unit;
  decimals: number;
}

/** The figure as text, as it is shown; null when there is no figure at all. */
export function figureText(
  figure: Figure | null,
  { unit, decimals }: FigureFormat,
  locale: Locale,
  t: Translate,
): string | null {
  if (!figure) return null;
  if (figure.suppressed) return t('figures.value.suppressed');
  if (figure.value === null) return null;
  const value = formatMeasureValue(locale, figure.value, unit, decimals);
  const { numerator, denominator } = figure;
  if (unit === 'percent' && numerator != null && denominator != null) {
    // t() writes numbers in the reader's locale (1 052 in French).
    return t('figures.value.ratio', { value, numerator, denominator });
  }
  return value;
}

/**
 * A suppressed figure: "x" to the eye, the neutral reason on hover and to screen readers (who
 * hear the reason instead of the letter).
 */
export function SuppressedValue() {
  const { t } = useI18n();
  const why = t('figures.value.suppressedWhy');
  return (
    <span className="figure-value figure-suppressed" title={why}>
      <span aria-hidden="true">{t('figures.value.suppressed')}</span>
      <span className="visually-hidden">{why}</span>
    </span>
  );
}

/** What "x" means, once per page or table where a suppressed figure can appear. */
export function SuppressedLegend({ className }: { className?: string }) {
  const { t } = useI18n();
  return (
    <span className={['figure-suppressed-legend', className].filter(Boolean).join(' ')}>
      {t('figures.value.legend', { mark: t('figures.value.suppressed') })}
    </span>
  );
}

/** The figure alone, without its revision mark. */
function PlainFigure({ figure, ...format }: { figure: Figure | null } & FigureFormat) {
  const { locale, t } = useI18n();
  if (figure?.suppressed) return <SuppressedValue />;
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

export function FigureValue(props: { figure: Figure | null } & FigureFormat) {
  if (!isUnderRevision(props.figure)) return <PlainFigure {...props} />;
  return (
    <span className="figure-marked">
      <PlainFigure {...props} />
      <RevisionMark />
    </span>
  );
}
