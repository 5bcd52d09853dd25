// The partnerships area's front page: the surveys the user's agency is asked to answer (partner
// editors), and the planning tables whose surveys and partner network the user may open.

import './partnerships.css';
import { useId } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/error-message';
import { useCurrentUser } from '../../auth/auth-provider';
import { NameText } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { useRichMessage } from '../../i18n/rich-message';
import {
  canAnswerSurveys,
  networkPath,
  responsePath,
  tableSurveysPath,
} from './partnerships-access';
import { useMySurveys, useTables } from './use-partnerships';

function MySurveys() {
  const { t, formatDate, periodName } = useI18n();
  const rich = useRichMessage();
  const mine = useMySurveys(true);
  const headingId = useId();
  return (
    <section className="partnerships-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t('partnerships.mine.title')}
      </h2>
      {mine.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : mine.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(mine.error, t)}
        </p>
      ) : mine.data.length === 0 ? (
        <p className="muted">{t('partnerships.mine.none')}</p>
      ) : (
        <ul className="partnerships-list">
          {mine.data.map((survey) => (
            <li key={`${survey.id}|${survey.organization.id}`} className="partnerships-item">
              <p className="partnerships-item-title">
                {rich('partnerships.mine.item', {
                  title: survey.title,
                  period: periodName(survey.period),
                  agency: (
                    <NameText text={survey.organization.name} french={survey.organization.nameFr} />
                  ),
                })}
              </p>
              <p className="muted">
                {t('partnerships.mine.closes', { date: formatDate(survey.closes) })}
                {' · '}
                {survey.answered
                  ? t('partnerships.mine.answered')
                  : t('partnerships.mine.notAnswered')}
              </p>
              <Link className="button" to={responsePath(survey.id, survey.organization.id)}>
                {survey.answered ? t('partnerships.mine.review') : t('partnerships.mine.answer')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Tables() {
  const { t, locale } = useI18n();
  const tables = useTables();
  const headingId = useId();
  const list = (tables.data ?? [])
    .filter((table) => table.archivedAt === null)
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <section className="partnerships-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t('partnerships.tables.title')}
      </h2>
      {tables.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : tables.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(tables.error, t)}
        </p>
      ) : list.length === 0 ? (
        <p className="muted">{t('partnerships.tables.none')}</p>
      ) : (
        <ul className="partnerships-list">
          {list.map((table) => (
            <li key={table.id} className="partnerships-item partnerships-table">
              <p className="partnerships-item-title">
                <NameText text={table.name} french={table.nameFr} />
              </p>
              <p className="partnerships-links">
                <Link
                  to={tableSurveysPath(table.id)}
                  aria-label={t('partnerships.tables.surveysFor', { table: table.name })}
                >
                  {t('partnerships.tables.surveys')}
                </Link>
                {' · '}
                <Link
                  to={networkPath(table.id)}
                  aria-label={t('partnerships.tables.networkFor', { table: table.name })}
                >
                  {t('partnerships.tables.network')}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PartnershipsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <PageLayout title={t('partnerships.title')}>
      <div className="partnerships-page">
        <p className="lead">{t('partnerships.lead')}</p>
        {canAnswerSurveys(user) ? <MySurveys /> : null}
        <Tables />
      </div>
    </PageLayout>
  );
}
