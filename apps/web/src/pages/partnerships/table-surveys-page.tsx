// A planning table's partnership surveys (issue #23): each with its state and how many agencies
// have answered; the table's coordinators open new ones and close them (after a confirmation),
// and administrators may download a survey's raw responses, warned of what the file holds.

import './partnerships.css';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isAdmin } from '../../api/auth-api';
import { errorMessage } from '../../api/error-message';
import { downloadSurveyResponses, type PartnershipSurvey } from '../../api/partnerships-api';
import { useCurrentUser } from '../../auth/auth-provider';
import { ModalDialog } from '../../components/modal-dialog/modal-dialog';
import { PageLayout } from '../../components/page-layout';
import { TableScroll } from '../../components/table-scroll';
import { useI18n } from '../../i18n/i18n-provider';
import { NewSurveyForm } from './new-survey-form';
import { canManageSurveys, networkPath, partnershipsPath } from './partnerships-access';
import { SurveyStateBadge } from './survey-state';
import { useCloseSurvey, useTableSurveys, useTables } from './use-partnerships';

function CloseDialog({
  survey,
  tableId,
  onDone,
  onCancel,
}: {
  survey: PartnershipSurvey;
  tableId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const close = useCloseSurvey(tableId);
  const bodyId = useId();
  return (
    <ModalDialog
      title={t('partnerships.close.title', { title: survey.title })}
      describedBy={bodyId}
      onClose={onCancel}
    >
      <p id={bodyId}>
        {t('partnerships.close.body', {
          responses: survey.responses,
          partners: survey.partners,
        })}
      </p>
      {close.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(close.error, t)}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={close.isPending}
          onClick={() => close.mutate(survey.id, { onSuccess: onDone })}
        >
          {close.isPending ? t('partnerships.close.busy') : t('partnerships.close.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('partnerships.close.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}

type DownloadStatus =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; file: string }
  | { state: 'failed'; message: string };

function RawResponses({ surveys }: { surveys: PartnershipSurvey[] }) {
  const { t, locale } = useI18n();
  const warningId = useId();
  const [status, setStatus] = useState<DownloadStatus>({ state: 'idle' });
  const download = async (survey: PartnershipSurvey) => {
    setStatus({ state: 'busy' });
    try {
      setStatus({ state: 'done', file: await downloadSurveyResponses(survey.id, locale) });
    } catch (error) {
      setStatus({ state: 'failed', message: errorMessage(error, t) });
    }
  };
  return (
    <section className="panel survey-raw" aria-labelledby={`${warningId}-title`}>
      <h2 id={`${warningId}-title`} className="section-title">
        {t('partnerships.raw.title')}
      </h2>
      <p id={warningId} className="survey-raw-warning">
        <span aria-hidden="true">⚠ </span>
        {t('partnerships.raw.warning')}
      </p>
      <ul className="plain-list survey-raw-list">
        {surveys.map((survey) => (
          <li key={survey.id}>
            <button
              type="button"
              className="button"
              aria-describedby={warningId}
              disabled={status.state === 'busy'}
              onClick={() => void download(survey)}
            >
              {t('partnerships.raw.download', { title: survey.title })}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className={status.state === 'failed' ? 'form-error' : 'muted'}>
        {status.state === 'busy'
          ? t('partnerships.raw.busy')
          : status.state === 'done'
            ? t('partnerships.raw.done', { file: status.file })
            : status.state === 'failed'
              ? t('partnerships.raw.failed', { message: status.message })
              : ''}
      </p>
    </section>
  );
}

function SurveysTable({
  tableId,
  tableName,
  surveys,
  manage,
  onClose,
}: {
  tableId: string;
  tableName: string;
  surveys: PartnershipSurvey[];
  manage: boolean;
  onClose: (survey: PartnershipSurvey) => void;
}) {
  const { t, formatDate, periodName } = useI18n();
  const captionId = useId();
  if (surveys.length === 0) return <p className="notice">{t('partnerships.surveys.none')}</p>;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="data-table survey-table">
        <caption id={captionId}>{t('partnerships.surveys.caption', { table: tableName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('partnerships.surveys.col.survey')}</th>
            <th scope="col">{t('partnerships.surveys.col.period')}</th>
            <th scope="col">{t('partnerships.surveys.col.dates')}</th>
            <th scope="col">{t('partnerships.surveys.col.state')}</th>
            <th scope="col" className="number">
              {t('partnerships.surveys.col.responses')}
            </th>
            <th scope="col">{t('partnerships.surveys.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {surveys.map((survey) => (
            <tr key={survey.id}>
              <th scope="row">{survey.title}</th>
              <td className="nowrap">{periodName(survey.period)}</td>
              <td>
                {t('partnerships.surveys.dates', {
                  opens: formatDate(survey.opens),
                  closes: formatDate(survey.closes),
                })}
              </td>
              <td>
                <SurveyStateBadge state={survey.state} />
                {survey.state === 'closed' && survey.closedAt ? (
                  <div className="muted">
                    {t('partnerships.surveys.closedOn', { date: formatDate(survey.closedAt) })}
                  </div>
                ) : null}
                {survey.state === 'closed' && !survey.closedAt ? (
                  <div className="muted">{t('partnerships.surveys.notRecorded')}</div>
                ) : null}
              </td>
              <td className="number">
                {t('partnerships.surveys.responses', {
                  responses: survey.responses,
                  partners: survey.partners,
                })}
              </td>
              <td>
                <div className="survey-actions">
                  <Link
                    to={networkPath(tableId, survey.id)}
                    aria-label={t('partnerships.surveys.networkOf', { title: survey.title })}
                  >
                    {t('partnerships.surveys.network')}
                  </Link>
                  {/* Past its closing date, a survey not closed yet still records its figures. */}
                  {manage && survey.closedAt === null ? (
                    <button
                      type="button"
                      className="button"
                      aria-haspopup="dialog"
                      aria-label={t('partnerships.surveys.closeOf', { title: survey.title })}
                      onClick={() => onClose(survey)}
                    >
                      {t('partnerships.surveys.close')}
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function TableSurveysPage() {
  const { tableId = '' } = useParams();
  const { t } = useI18n();
  const user = useCurrentUser();
  const tables = useTables();
  const surveys = useTableSurveys(tableId);
  const [closing, setClosing] = useState<PartnershipSurvey | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const table = tables.data?.find((x) => x.id === tableId);
  const tableName = table?.name ?? '';
  const manage = canManageSurveys(user, tableId);
  const list = [...(surveys.data ?? [])].sort(
    (a, b) => b.opens.localeCompare(a.opens) || a.title.localeCompare(b.title),
  );

  return (
    <PageLayout
      title={
        table
          ? t('partnerships.surveys.title', { table: table.name })
          : t('partnerships.surveys.fallbackTitle')
      }
    >
      <div className="partnerships-page">
        <p className="partnerships-kicker">
          <Link to={partnershipsPath()}>{t('partnerships.title')}</Link>
          {' · '}
          <Link to={networkPath(tableId)}>{t('partnerships.surveys.openNetwork')}</Link>
        </p>
        <p className="lead">{t('partnerships.surveys.lead')}</p>
        <p role="status" className="survey-closed-status">
          {closed ? t('partnerships.surveys.closed', { title: closed }) : ''}
        </p>
        {surveys.isPending ? (
          <p className="muted">{t('app.loading')}</p>
        ) : surveys.isError ? (
          <div className="notice" role="alert">
            <p>{errorMessage(surveys.error, t)}</p>
            <button type="button" className="button" onClick={() => void surveys.refetch()}>
              {t('errors.retry')}
            </button>
          </div>
        ) : (
          <SurveysTable
            tableId={tableId}
            tableName={tableName}
            surveys={list}
            manage={manage}
            onClose={(survey) => {
              setClosed(null);
              setClosing(survey);
            }}
          />
        )}
        {manage ? <NewSurveyForm tableId={tableId} /> : null}
        {isAdmin(user) && list.length > 0 ? <RawResponses surveys={list} /> : null}
        {closing ? (
          <CloseDialog
            survey={closing}
            tableId={tableId}
            onCancel={() => setClosing(null)}
            onDone={() => {
              setClosed(closing.title);
              setClosing(null);
            }}
          />
        ) : null}
      </div>
    </PageLayout>
  );
}
