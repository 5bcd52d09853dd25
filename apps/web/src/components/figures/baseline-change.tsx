// The change since the baseline, in points for percents and rates ("+9.7 pts vs baseline") and
// relative for the other units ("+12% vs baseline"), as the API's `changeUnit` says, in the colour
// and the word of whether it is good news; the baseline's own period and figure on hover and for
// screen readers.

import type { SeriesSummary } from '../../api/scorecards-api';
import { useI18n } from '../../i18n/i18n-provider';
import { formatMeasureValue } from '../../i18n/measure-value';
import { changeText } from './change-text';
import { noFigureGlyph } from './figure-glyphs';
import './figures.css';
import { toneOf } from './trend-badge';

export function BaselineChange({
  baseline,
  unit,
  decimals,
}: {
  baseline: SeriesSummary['baseline'];
  unit: SeriesSummary['unit'];
  decimals: number;
}) {
  const { locale, t, periodName } = useI18n();
  if (!baseline || baseline.change === null) {
    const text = baseline
      ? t('figures.baseline.noChange', { period: periodName(baseline.period) })
      : t('figures.baseline.none');
    return (
      <span className="baseline-change figure-tone-neutral" title={text}>
        <span aria-hidden="true">{noFigureGlyph}</span>
        <span className="visually-hidden">{text}</span>
      </span>
    );
  }
  const tone = toneOf(baseline.favorable);
  const { change: amount, changeUnit } = baseline;
  const change = t('figures.baseline.change', {
    change: changeText(t, locale, amount, changeUnit, decimals),
  });
  const since =
    baseline.value === null
      ? t('figures.baseline.period', { period: periodName(baseline.period) })
      : t('figures.baseline.periodValue', {
          period: periodName(baseline.period),
          value: formatMeasureValue(locale, baseline.value, unit, decimals),
        });
  const word =
    baseline.favorable === null
      ? null
      : t(baseline.favorable ? 'figures.trend.favourable' : 'figures.trend.unfavourable');
  return (
    <span className={`baseline-change figure-tone-${tone}`} title={since}>
      <span className="baseline-change-value">{change}</span>
      {word ? <span className="baseline-change-word">{word}</span> : null}
      <span className="visually-hidden">{since}</span>
    </span>
  );
}
