// The marks the figure components draw: glyphs only, never words (the words are in the catalogue).

import type { SeriesSummary } from '../../api/scorecards-api';

export type TrendDirection = SeriesSummary['trend']['trend'];
export type TargetStatus = SeriesSummary['target']['status'];
export type Category = NonNullable<SeriesSummary['category']>;

export const trendGlyphs: Record<TrendDirection, string> = { up: '▲', down: '▼', flat: '►' };
export const statusGlyphs: Record<TargetStatus, string> = {
  met: '●',
  near: '◐',
  off: '○',
  none: '–',
};
export const categoryGlyphs: Record<Category, string> = {
  how_much: '#',
  how_well: '✓',
  better_off: '♥',
};
export const indicatorGlyph = '◆';
export const headlineGlyph = '★';
/** Shown where there is no figure at all (not where one is suppressed). */
export const noFigureGlyph = '–';
