// A partner agency's answer to a partnership survey (issue #23): one fieldset per partner agency,
// saved as it is filled in (the whole answer set, a moment after the last change), with the save
// status shown and announced. A closed survey reads the same, its controls disabled.

import './partnerships.css';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import type { MyResponse, PartnershipSurvey } from '../../api/partnerships-api';
import { NameText } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { useRichMessage } from '../../i18n/rich-message';
import { PartnerFieldset } from './partner-fieldset';
import { partnershipsPath } from './partnerships-access';
import {
  answersOf,
  draftFromResponse,
  isAnswered,
  type ResponseDraft,
  updatePartner,
} from './response-draft';
import { type SaveStatus, useAutosave } from './use-autosave';
import { useMyResponse, useSurvey } from './use-partnerships';

function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t } = useI18n();
  const failed = status.state === 'failed' || status.state === 'closed';
  const text =
    status.state === 'failed'
      ? t('partnerships.save.failed', { message: errorMessage(status.error, t) })
      : t(`partnerships.save.${status.state}`);
  return (
    <div className={`survey-save${failed ? ' survey-save-failed' : ''}`}>
      {/* Always in the page, so that each change of its text is announced. */}
      <p role={failed ? 'alert' : 'status'} className={failed ? 'form-error' : 'survey-save-text'}>
        {text}
      </p>
      {status.state === 'failed' ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('partnerships.save.retry')}
        </button>
      ) : null}
    </div>
  );
}

function SurveyForm({
  survey,
  response,
  organizationId,
}: {
  survey: PartnershipSurvey;
  response: MyResponse;
  organizationId: string | undefined;
}) {
  const { t, formatDate } = useI18n();
  const rich = useRichMessage();
  const [draft, setDraft] = useState<ResponseDraft>(() => draftFromResponse(response));
  const autosave = useAutosave(survey.id, organizationId);
  const closed = survey.state === 'closed' || autosave.status.state === 'closed';
  const changed = useRef(false);

  const { schedule } = autosave;
  useEffect(() => {
    if (changed.current) schedule(answersOf(draft));
  }, [draft, schedule]);

  const answered = draft.filter(isAnswered).length;

  return (
    <>
      <p className="lead">
        {rich('partnerships.form.lead', {
          agency: (
            <NameText text={response.organization.name} french={response.organization.nameFr} />
          ),
        })}
      </p>
      <p className="notice survey-privacy">{t('partnerships.form.privacy')}</p>
      {closed ? (
        <p className="notice">{t('partnerships.form.closedNotice')}</p>
      ) : (
        <p className="muted">
          {t('partnerships.form.closes', { date: formatDate(survey.closes) })}
        </p>
      )}
      {response.partners.length === 0 ? (
        <p className="notice">{t('partnerships.form.noPartners')}</p>
      ) : (
        <form className="survey-form" onSubmit={(event) => event.preventDefault()} noValidate>
          <div className="survey-form-bar">
            <p className="survey-progress">
              {t('partnerships.form.progress', { answered, total: draft.length })}
            </p>
            <SaveStatusLine status={autosave.status} onRetry={autosave.retry} />
          </div>
          {response.partners.map(({ organization }) => {
            const partner = draft.find((d) => d.organizationId === organization.id);
            if (!partner) return null;
            return (
              <PartnerFieldset
                key={organization.id}
                organization={organization}
                draft={partner}
                disabled={closed}
                onChange={(next) => {
                  changed.current = true;
                  setDraft((current) => updatePartner(current, organization.id, () => next));
                }}
              />
            );
          })}
        </form>
      )}
    </>
  );
}

export function SurveyResponsePage() {
  const { surveyId = '' } = useParams();
  const { t, periodName } = useI18n();
  const [params] = useSearchParams();
  const organizationId = params.get('organization') ?? undefined;
  const survey = useSurvey(surveyId);
  const response = useMyResponse(surveyId, organizationId);

  const title = survey.data
    ? t('partnerships.form.title', {
        title: survey.data.title,
        period: periodName(survey.data.period),
      })
    : t('partnerships.title');

  const error = survey.error ?? response.error;
  let content: ReactNode;
  if (error) {
    content =
      error instanceof ApiError && (error.status === 404 || error.status === 403) ? (
        <p className="notice">{t('partnerships.form.notFound')}</p>
      ) : (
        <div className="notice" role="alert">
          <p>{errorMessage(error, t)}</p>
        </div>
      );
  } else if (!survey.data || !response.data) {
    content = <p className="muted">{t('app.loading')}</p>;
  } else {
    content = (
      <SurveyForm
        key={organizationId ?? ''}
        survey={survey.data}
        response={response.data}
        organizationId={organizationId}
      />
    );
  }

  return (
    <PageLayout title={title}>
      <div className="partnerships-page survey-page">
        <p className="partnerships-kicker">
          <Link to={partnershipsPath()}>{t('partnerships.form.back')}</Link>
        </p>
        {content}
      </div>
    </PageLayout>
  );
}
