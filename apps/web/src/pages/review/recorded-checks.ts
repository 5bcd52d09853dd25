// The checks a submission recorded when it was last submitted, in words: "Submitted with 2 figures
// empty and 1 that looks wrong". Null for submissions made before the counts were recorded.

import type { Submission } from '../../api/entry-api';
import type { Translate } from '../../i18n/i18n-provider';

export function recordedChecks(
  t: Translate,
  submission: Pick<Submission, 'missingCount' | 'flaggedCount'>,
): string | null {
  const { missingCount: missing, flaggedCount: flagged } = submission;
  if (missing === null || flagged === null) return null;
  if (missing > 0 && flagged > 0) {
    return t('review.recorded.both', {
      missing:
        missing === 1
          ? t('review.recorded.missingOne')
          : t('review.recorded.missingMany', { count: missing }),
      flagged:
        flagged === 1
          ? t('review.recorded.flaggedOne')
          : t('review.recorded.flaggedMany', { count: flagged }),
    });
  }
  if (missing > 0) {
    return t('review.recorded.missingOnly', {
      missing:
        missing === 1
          ? t('review.recorded.missingOne')
          : t('review.recorded.missingMany', { count: missing }),
    });
  }
  if (flagged > 0) {
    return t('review.recorded.flaggedOnly', {
      flagged:
        flagged === 1
          ? t('dataEntry.checks.flaggedOne')
          : t('dataEntry.checks.flaggedMany', { count: flagged }),
    });
  }
  return t('review.recorded.none');
}
