// The partner home: what an agency's staff see after signing in. For each of their agencies,
// this quarter: its due date, its status and the figures entered, and the way into data entry;
// and, for an agency's editors, each open partnership survey their agency has not answered yet.

import './home.css';
import { Link } from 'react-router';
import type { ReportingPeriod } from '../../api/admin-api';
import { errorMessage } from '../../api/error-message';
import { useCurrentUser } from '../../auth/auth-provider';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { useReportingPeriods } from '../admin/use-admin';
import { staffOrganizationIds } from '../data-entry/entry-access';
import { isMissingSheet, useEntrySheet } from '../data-entry/use-entry-sheet';
import { canAnswerSurveys } from '../partnerships/partnerships-access';
import { AgencyQuarter } from './agency-quarter';
import { isPartnerStaff } from './home-access';
import { PartnershipSurveys } from './partnership-surveys';
import { dueDateOf } from './quarter-progress';

function AgencyHome({
  organizationId,
  calendar,
}: {
  organizationId: string;
  calendar: readonly ReportingPeriod[] | undefined;
}) {
  const { t } = useI18n();
  // The current quarter, as data entry opens it (and shares with it).
  const sheet = useEntrySheet(organizationId, null);
  if (sheet.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (sheet.error) {
    return isMissingSheet(sheet.error) ? (
      <p className="notice">{t('home.notFound')}</p>
    ) : (
      <div className="form-error" role="alert">
        <p>{errorMessage(sheet.error, t)}</p>
        <button type="button" className="button" onClick={() => void sheet.refetch()}>
          {t('errors.retry')}
        </button>
      </div>
    );
  }
  return <AgencyQuarter sheet={sheet.data} due={dueDateOf(sheet.data.period.label, calendar)} />;
}

export function HomePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const calendar = useReportingPeriods();
  if (!isPartnerStaff(user)) {
    return (
      <PageLayout title={t('home.title')}>
        <div className="notice">
          <p>{t('home.notStaff')}</p>
          <p>
            <Link to="/scorecards">{t('notFound.back')}</Link>
          </p>
        </div>
      </PageLayout>
    );
  }
  return (
    <PageLayout title={t('home.title')}>
      <p className="lead">{t('home.lead')}</p>
      <div className="home-agencies">
        {staffOrganizationIds(user).map((organizationId) =>
          calendar.isPending ? null : (
            <AgencyHome
              key={organizationId}
              organizationId={organizationId}
              calendar={calendar.data}
            />
          ),
        )}
        {calendar.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        <PartnershipSurveys enabled={canAnswerSurveys(user)} />
      </div>
    </PageLayout>
  );
}
