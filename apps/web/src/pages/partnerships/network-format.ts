// The network's figures in the reader's language: shares as percentages, the 1–4 means with two
// decimals, counts as counts, and the change between two surveys (shares in points).

import type { I18nValue } from '../../i18n/i18n-provider';
import { type FigureKey, figureKind } from './network-model';

type Formats = Pick<I18nValue, 't' | 'formatNumber' | 'formatPercent' | 'locale'>;

export function formatFigure(i18n: Formats, key: FigureKey, value: number | null): string {
  if (value === null) return i18n.t('partnerships.figures.none');
  switch (figureKind(key)) {
    case 'share':
      return i18n.formatPercent(value * 100, 0);
    case 'mean':
      return i18n.t('partnerships.figures.outOf4', { value: formatMean(i18n, value) });
    default:
      return i18n.formatNumber(value);
  }
}

export function formatMean(i18n: Pick<Formats, 'formatNumber'>, value: number): string {
  return i18n.formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function formatChange(
  i18n: Formats,
  key: FigureKey,
  earlier: number | null,
  later: number | null,
): string {
  if (earlier === null || later === null) return i18n.t('partnerships.changes.unknown');
  const kind = figureKind(key);
  const diff = kind === 'share' ? (later - earlier) * 100 : later - earlier;
  const digits = kind === 'mean' ? 2 : kind === 'share' ? 1 : 0;
  const rounded = Number(diff.toFixed(digits));
  if (rounded === 0) return i18n.t('partnerships.changes.none');
  const text = i18n.formatNumber(rounded, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: kind === 'mean' ? 2 : 0,
    maximumFractionDigits: digits,
  });
  return kind === 'share' ? i18n.t('partnerships.changes.points', { change: text }) : text;
}

/** "A, B and C" in the reader's language. */
export function listNames(locale: string, names: readonly string[]): string {
  return new Intl.ListFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'long',
    type: 'conjunction',
  }).format(names);
}
