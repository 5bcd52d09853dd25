// The funder dashboard: for each table and agency a funder funds, its headline measures
// (approved figures, small counts suppressed, read-only) and the CSV downloads.

import { type ReactNode, useMemo } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/auth-provider';
import { ExportButtons } from '../../components/figures/export-buttons';
import { NameText } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import { useRichMessage } from '../../i18n/rich-message';
import { ViewNote } from '../scorecards/scorecard-filters';
import { noFilters, organizationSections, tableSections } from '../scorecards/scorecard-model';
import { ScorecardSections } from '../scorecards/scorecard-table';
import {
  LoadError,
  organizationScorecardPath,
  tableScorecardPath,
} from '../scorecards/scorecards-page';
import {
  isMissing,
  useOrganizationScorecard,
  useTableScorecard,
  useTables,
} from '../scorecards/use-scorecards';
import './dashboard.css';
import { fundedScopes } from './funder';

const headlines = { ...noFilters, headlineOnly: true };

function CardBody({
  state,
  children,
}: {
  state: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (state.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (state.isError) {
    return isMissing(state.error) ? (
      <p className="notice">{t('dashboard.cardMissing')}</p>
    ) : (
      <LoadError error={state.error} retry={() => void state.refetch()} />
    );
  }
  return <>{children}</>;
}

function TableCard({ tableId }: { tableId: string }) {
  const { t } = useI18n();
  const rich = useRichMessage();
  const query = useTableScorecard(tableId, null);
  const scorecard = query.data;
  const sections = useMemo(
    () => (scorecard ? tableSections(scorecard, headlines) : []),
    [scorecard],
  );
  const headingId = `dashboard-table-${tableId}`;
  return (
    <section className="dashboard-card panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="dashboard-card-title">
        <span className="dashboard-card-kicker">{t('dashboard.kind.table')}</span>
        {scorecard ? (
          <NameText text={scorecard.table.name} french={scorecard.table.nameFr} />
        ) : (
          t('app.loading')
        )}
      </h2>
      <CardBody state={query}>
        {scorecard ? (
          <>
            <p className="muted">
              <NameText text={scorecard.table.population} french={scorecard.table.populationFr} />
            </p>
            <ViewNote view={scorecard.view} threshold={scorecard.suppressionThreshold} />
            <ExportButtons
              scope={{ tableId }}
              name={scorecard.table.name}
              nameFr={scorecard.table.nameFr}
            />
            <ScorecardSections sections={sections} showPlan={false} headingLevel={3} />
            <p className="dashboard-card-more">
              <Link to={tableScorecardPath(tableId)}>
                {rich('dashboard.fullScorecard', {
                  name: <NameText text={scorecard.table.name} french={scorecard.table.nameFr} />,
                })}
              </Link>
            </p>
          </>
        ) : null}
      </CardBody>
    </section>
  );
}

function OrganizationCard({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const rich = useRichMessage();
  const query = useOrganizationScorecard(organizationId, null);
  const scorecard = query.data;
  const sections = useMemo(
    () => (scorecard ? organizationSections(scorecard, headlines) : []),
    [scorecard],
  );
  const headingId = `dashboard-organization-${organizationId}`;
  return (
    <section className="dashboard-card panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="dashboard-card-title">
        <span className="dashboard-card-kicker">{t('dashboard.kind.organization')}</span>
        {scorecard ? (
          <NameText text={scorecard.organization.name} french={scorecard.organization.nameFr} />
        ) : (
          t('app.loading')
        )}
      </h2>
      <CardBody state={query}>
        {scorecard ? (
          <>
            <ViewNote view={scorecard.view} threshold={scorecard.suppressionThreshold} />
            <ExportButtons
              scope={{ organizationId }}
              name={scorecard.organization.name}
              nameFr={scorecard.organization.nameFr}
            />
            <ScorecardSections sections={sections} showPlan={false} headingLevel={3} />
            <p className="dashboard-card-more">
              <Link to={organizationScorecardPath(organizationId)}>
                {rich('dashboard.fullScorecard', {
                  name: (
                    <NameText
                      text={scorecard.organization.name}
                      french={scorecard.organization.nameFr}
                    />
                  ),
                })}
              </Link>
            </p>
          </>
        ) : null}
      </CardBody>
    </section>
  );
}

export function DashboardPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const funded = fundedScopes(user);
  const nothingFunded = funded.tableIds.length === 0 && funded.organizationIds.length === 0;
  // Someone who funds nothing in particular (an administrator looking in) sees every table.
  const tables = useTables();
  const tableIds = nothingFunded
    ? (tables.data ?? []).filter((table) => table.archivedAt === null).map((table) => table.id)
    : funded.tableIds;

  return (
    <PageLayout title={t('dashboard.title')}>
      <p className="lead">{t('dashboard.lead')}</p>
      {nothingFunded && tables.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {nothingFunded && tables.isSuccess && tableIds.length === 0 ? (
        <p className="notice">{t('dashboard.empty')}</p>
      ) : null}
      <div className="dashboard-cards">
        {tableIds.map((id) => (
          <TableCard key={id} tableId={id} />
        ))}
        {funded.organizationIds.map((id) => (
          <OrganizationCard key={id} organizationId={id} />
        ))}
      </div>
    </PageLayout>
  );
}
