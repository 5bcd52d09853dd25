// The current trend: a direction glyph and its run length ("▲ 3"), and whether that is good news,
// in words as well as colour (blue favourable, orange unfavourable, grey flat or unjudged).

import type { SeriesSummary } from '../../api/scorecards-api';
import { type Translate, useI18n } from '../../i18n/i18n-provider';
import { trendGlyphs } from './figure-glyphs';
import './figures.css';

export type Trend = SeriesSummary['trend'];

export type Tone = 'favourable' | 'unfavourable' | 'neutral';

export function toneOf(favorable: boolean | null | undefined): Tone {
  if (favorable === true) return 'favourable';
  if (favorable === false) return 'unfavourable';
  return 'neutral';
}

/** The word said and shown beside the glyph: favourable, unfavourable, flat, or none. */
export function trendWord(trend: Trend, t: Translate): string | null {
  if (trend.trend === 'flat') return t('figures.trend.flat');
  if (trend.favorable === true) return t('figures.trend.favourable');
  if (trend.favorable === false) return t('figures.trend.unfavourable');
  return null;
}

/** The whole trend in one sentence, for screen readers and tooltips. */
export function trendSentence(trend: Trend, t: Translate): string {
  const one = trend.periods === 1;
  const direction =
    trend.trend === 'up'
      ? t(one ? 'figures.trend.upOne' : 'figures.trend.upMany', { count: trend.periods })
      : trend.trend === 'down'
        ? t(one ? 'figures.trend.downOne' : 'figures.trend.downMany', { count: trend.periods })
        : t('figures.trend.flatSentence');
  const word = trend.trend === 'flat' ? null : trendWord(trend, t);
  return word ? t('figures.trend.sentence', { direction, judgement: word }) : direction;
}

export function TrendBadge({ trend }: { trend: Trend }) {
  const { t, formatNumber } = useI18n();
  const tone = trend.trend === 'flat' ? 'neutral' : toneOf(trend.favorable);
  const word = trendWord(trend, t);
  const sentence = trendSentence(trend, t);
  const runLength = trend.periods > 0 ? ` ${formatNumber(trend.periods)}` : '';
  return (
    <span className={`trend-badge figure-tone-${tone}`} title={sentence}>
      <span aria-hidden="true" className="trend-badge-mark">
        {trendGlyphs[trend.trend]}
        {runLength}
      </span>
      {word ? (
        <span aria-hidden="true" className="trend-badge-word">
          {word}
        </span>
      ) : null}
      <span className="visually-hidden">{sentence}</span>
    </span>
  );
}
