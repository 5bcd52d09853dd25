// The printable turn-the-curve report for one measure: the curve and the five steps of the plan,
// without the app's navigation, so it prints cleanly for the meeting room.

import type { MouseEvent } from 'react';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CurveReport } from '../../api/curve-report-api';
import { errorMessage } from '../../api/error-message';
import { CurveChart } from '../../charts/curve-chart';
import { LanguageSwitch } from '../../components/language-switch';
import { fallbackLang } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import {
  ActionPlanSection,
  PartnersSection,
  ReportSection,
  StorySection,
  WhatWorksSection,
} from './plan-sections';
import { ReportHeadline } from './report-headline';
import { isMissingReport, useCurveReport } from './use-curve-report';

/** Where "Back" goes when the report was opened directly rather than from another page. */
const fallbackBack = '/plans';

/**
 * Whether an earlier page of this visit is there to go back to. The router numbers the history
 * entries it pushes (`idx`); the redirects through sign-in replace theirs, so after them it is 0.
 */
function cameFromAnotherPage(): boolean {
  const state: unknown = window.history.state;
  const idx = typeof state === 'object' && state !== null ? Reflect.get(state, 'idx') : undefined;
  return typeof idx === 'number' && idx > 0;
}

function ReportTools() {
  const { t } = useI18n();
  const navigate = useNavigate();
  // Opened from a page of the client: go back to it, scroll position and all.
  const goBack = (event: MouseEvent<HTMLAnchorElement>) => {
    if (cameFromAnotherPage()) {
      event.preventDefault();
      void navigate(-1);
    }
  };
  return (
    <header className="report-tools no-print">
      <Link to={fallbackBack} className="button" onClick={goBack}>
        <span aria-hidden="true">←</span>
        {t('report.back')}
      </Link>
      <div className="report-tools-end">
        <LanguageSwitch />
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </div>
    </header>
  );
}

function ReportBody({ report }: { report: CurveReport }) {
  const { t, locale, formatDate } = useI18n();
  const { curve, plan } = report;
  useEffect(() => {
    document.title = t('app.documentTitle', {
      page: t('report.pageTitle', { name: curve.name }),
      app: t('app.name'),
    });
  }, [t, curve.name]);

  return (
    <>
      <header className="report-header">
        <p className="report-kicker">{t('report.kicker')}</p>
        <h1 className="report-title" lang={fallbackLang(locale, curve.nameFr)}>
          {curve.name}
        </h1>
        <p className="report-meta">
          <span>{t('report.code', { code: curve.code })}</span>
          <span>{t(`report.periodType.${curve.periodType}`)}</span>
          <span>{t(`report.direction.${curve.direction}`)}</span>
        </p>
        <p className="report-meta muted">
          <span>
            {t('report.generated', {
              date: formatDate(report.generatedAt, { dateStyle: 'long', timeStyle: 'short' }),
            })}
          </span>
          {plan.revision > 0 && plan.updatedAt ? (
            <span>
              {t('report.planRevision', {
                revision: plan.revision,
                date: formatDate(plan.updatedAt, { dateStyle: 'long' }),
              })}
            </span>
          ) : null}
        </p>
      </header>

      <ReportHeadline curve={curve} />

      <ReportSection id="report-curve" title={t('report.curve.title')} className="report-curve">
        <CurveChart
          name={curve.name}
          nameFr={curve.nameFr}
          points={curve.points}
          targets={curve.targets}
          forecast={curve.forecast}
          baselineForecast={curve.baselineForecast}
          verdict={curve.versusBaselineCurve}
          baselinePeriod={curve.baseline?.period ?? null}
          direction={curve.direction}
          unit={curve.unit}
          decimals={curve.decimals}
        />
      </ReportSection>

      {plan.revision === 0 ? <p className="notice">{t('report.noPlan')}</p> : null}
      <StorySection story={plan.story} />
      <PartnersSection partners={plan.partners} />
      <WhatWorksSection ideas={plan.whatWorks} />
      <ActionPlanSection actions={plan.actions} agenda={plan.dataDevelopmentAgenda} />
    </>
  );
}

export function CurveReportPage() {
  const { t } = useI18n();
  const { measureId = '' } = useParams();
  const report = useCurveReport(measureId);

  return (
    <div className="report-page">
      <ReportTools />
      <main id="main" className="report" tabIndex={-1}>
        {report.data ? (
          <ReportBody report={report.data} />
        ) : report.isPending ? (
          <p role="status" className="muted">
            {t('app.loading')}
          </p>
        ) : isMissingReport(report.error) ? (
          <>
            <h1 className="report-title">{t('report.kicker')}</h1>
            <p role="alert">{t('report.notFound')}</p>
          </>
        ) : (
          <>
            <h1 className="report-title">{t('report.kicker')}</h1>
            <div role="alert" className="panel">
              <p>
                <strong>{t('report.loadError')}</strong> {errorMessage(report.error, t)}
              </p>
              <div className="button-row">
                <button type="button" className="button" onClick={() => report.refetch()}>
                  {t('errors.retry')}
                </button>
              </div>
            </div>
          </>
        )}
      </main>
    </div>
  );
}
