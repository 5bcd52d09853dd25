// The partner editor's way into a partnership survey (issue #23): on the home page, one card for
// each open survey their agency has not answered yet, with its closing date and the way to the
// form. Answered surveys stay on the partnerships page, where their answers can still be changed.

import { useId } from 'react';
import { Link } from 'react-router';
import type { MySurvey } from '../../api/partnerships-api';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { useRichMessage } from '../../i18n/rich-message';
import { responsePath } from '../partnerships/partnerships-access';
import { useMySurveys } from '../partnerships/use-partnerships';

/** The surveys still waiting for an answer, the soonest to close first. */
export function surveysToAnswer(surveys: readonly MySurvey[]): MySurvey[] {
  return surveys
    .filter((s) => s.state === 'open' && !s.answered)
    .sort(
      (a, b) =>
        a.closes.localeCompare(b.closes) ||
        a.title.localeCompare(b.title) ||
        a.organization.name.localeCompare(b.organization.name),
    );
}

function SurveyCard({ survey }: { survey: MySurvey }) {
  const { t, formatDate, periodName } = useI18n();
  const rich = useRichMessage();
  const headingId = useId();
  const aboutId = useId();
  return (
    <section className="panel home-survey" aria-labelledby={headingId}>
      <h2 id={headingId} className="home-quarter-title">
        {t('home.survey.title')}
      </h2>
      <p id={aboutId} className="home-survey-name">
        {rich('home.survey.item', {
          title: survey.title,
          period: periodName(survey.period),
          agency: <NameText text={survey.organization.name} french={survey.organization.nameFr} />,
        })}
      </p>
      <p className="home-due">
        <strong>
          {t('home.survey.closes', { date: formatDate(survey.closes, { dateStyle: 'long' }) })}
        </strong>
      </p>
      <p className="home-survey-why">{t('home.survey.why')}</p>
      <p>
        <Link
          to={responsePath(survey.id, survey.organization.id)}
          className="button button-primary home-action"
          aria-describedby={aboutId}
        >
          {t('home.survey.answer')}
        </Link>
      </p>
    </section>
  );
}

/**
 * The cards, for a partner editor; nothing when no survey waits (or the list cannot be had: the
 * partnerships page says why).
 */
export function PartnershipSurveys({ enabled }: { enabled: boolean }) {
  const mine = useMySurveys(enabled);
  if (!enabled || !mine.data) return null;
  return (
    <>
      {surveysToAnswer(mine.data).map((survey) => (
        <SurveyCard key={`${survey.id}|${survey.organization.id}`} survey={survey} />
      ))}
    </>
  );
}
