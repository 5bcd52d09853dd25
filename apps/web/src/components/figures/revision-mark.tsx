// A figure under revision: the last approved figure of a period a coordinator reopened for
// correction, which readers of approved figures keep seeing until the period is approved again.
// The figure stays shown; a "†" after it says so to the eye, the words to screen readers and on
// hover, and a legend (once per page or card, only where a figure is marked) says what "†" means.

import { useI18n } from '../../i18n/i18n-provider';
import './figures.css';

/** Anything the API may mark: a point, a series' latest figure, a breakdown cell. */
export interface MaybeUnderRevision {
  underRevision?: boolean | undefined;
}

export function isUnderRevision(figure: MaybeUnderRevision | null | undefined): boolean {
  return figure?.underRevision === true;
}

/** Whether any of these figures is marked: the page then shows the legend of "†". */
export function anyUnderRevision(
  figures: Iterable<MaybeUnderRevision | null | undefined>,
): boolean {
  for (const figure of figures) if (isUnderRevision(figure)) return true;
  return false;
}

/** The mark after a figure: "†" to the eye; "(under revision)" to screen readers. */
export function RevisionMark() {
  const { t } = useI18n();
  return (
    <span className="figure-revision-mark" title={t('figures.revision.why')}>
      <span aria-hidden="true">{t('figures.revision.mark')}</span>
      <span className="visually-hidden"> {t('figures.revision.spoken')}</span>
    </span>
  );
}

/** What "†" means, once per page or card where a figure shown is under revision. */
export function RevisionLegend({ className }: { className?: string }) {
  const { t } = useI18n();
  return (
    <p className={['figure-revision-legend', className].filter(Boolean).join(' ')}>
      {t('figures.revision.legend', { mark: t('figures.revision.mark') })}
    </p>
  );
}
