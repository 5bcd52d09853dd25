// The mark before a measure's name: its RBA category (#, ✓, ♥), an indicator's own mark, and a
// star for headline measures; each with its name for screen readers and as a tooltip.

import type { SeriesSummary } from '../../api/scorecards-api';
import { useI18n } from '../../i18n/i18n-provider';
import { type Category, categoryGlyphs, headlineGlyph, indicatorGlyph } from './figure-glyphs';
import './figures.css';

const categoryKeys = {
  how_much: 'figures.category.how_much',
  how_well: 'figures.category.how_well',
  better_off: 'figures.category.better_off',
} as const;

export function CategoryIcon({
  kind,
  category,
}: {
  kind: SeriesSummary['kind'];
  category: Category | null;
}) {
  const { t } = useI18n();
  const own = kind === 'indicator' || category === null ? null : category;
  const name = own ? t(categoryKeys[own]) : t('figures.category.indicator');
  const glyph = own ? categoryGlyphs[own] : indicatorGlyph;
  return (
    <span className={`category-icon category-${own ?? 'indicator'}`} title={name}>
      <span aria-hidden="true">{glyph}</span>
      <span className="visually-hidden">{name}</span>
    </span>
  );
}

export function HeadlineMark() {
  const { t } = useI18n();
  const name = t('figures.headline');
  return (
    <span className="headline-mark" title={name}>
      <span aria-hidden="true">{headlineGlyph}</span>
      <span className="visually-hidden">{name}</span>
    </span>
  );
}
