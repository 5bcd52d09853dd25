// A survey's state as an icon and a word, never by colour alone.

import type { SurveyState } from '../../api/partnerships-api';
import { useI18n } from '../../i18n/i18n-provider';

const glyphs: Record<SurveyState, string> = { scheduled: '◷', open: '●', closed: '■' };

export function SurveyStateBadge({ state }: { state: SurveyState }) {
  const { t } = useI18n();
  return (
    <span className={`survey-state survey-state-${state}`}>
      <span aria-hidden="true">{glyphs[state]}</span> {t(`partnerships.state.${state}`)}
    </span>
  );
}
