// The scorecards' front page: the planning tables and partner agencies this person may see, each
// a link to its scorecard.

import { Link } from 'react-router';
import { errorMessage } from '../../api/error-message';
import { NameText } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import './scorecards.css';
import { useOrganizations, useTables } from './use-scorecards';

export function tableScorecardPath(tableId: string): string {
  return `/scorecards/tables/${encodeURIComponent(tableId)}`;
}

export function organizationScorecardPath(organizationId: string): string {
  return `/scorecards/organizations/${encodeURIComponent(organizationId)}`;
}

export function LoadError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice scorecard-error" role="alert">
      <p>{errorMessage(error, t)}</p>
      <button type="button" className="button" onClick={retry}>
        {t('errors.retry')}
      </button>
    </div>
  );
}

export function ScorecardsPage() {
  const { t, locale } = useI18n();
  const tables = useTables();
  const organizations = useOrganizations();
  const agencies = (organizations.data ?? [])
    .filter((o) => o.kind === 'agency' && o.archivedAt === null)
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const liveTables = (tables.data ?? []).filter((table) => table.archivedAt === null);

  return (
    <PageLayout title={t('scorecards.title')}>
      <p className="lead">{t('scorecards.index.lead')}</p>
      <div className="scorecard-index">
        <section className="panel" aria-labelledby="scorecards-tables">
          <h2 id="scorecards-tables" className="section-title">
            {t('scorecards.index.tables')}
          </h2>
          <p className="muted">{t('scorecards.index.tablesLead')}</p>
          {tables.isPending ? (
            <p className="muted">{t('app.loading')}</p>
          ) : tables.isError ? (
            <LoadError error={tables.error} retry={() => void tables.refetch()} />
          ) : liveTables.length === 0 ? (
            <p>{t('scorecards.index.noTables')}</p>
          ) : (
            <ul className="scorecard-index-list">
              {liveTables.map((table) => (
                <li key={table.id}>
                  <Link to={tableScorecardPath(table.id)} className="scorecard-index-link">
                    <NameText text={table.name} french={table.nameFr} />
                  </Link>
                  <span className="muted scorecard-index-detail">
                    <NameText text={table.population} french={table.populationFr} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="scorecards-agencies">
          <h2 id="scorecards-agencies" className="section-title">
            {t('scorecards.index.agencies')}
          </h2>
          <p className="muted">{t('scorecards.index.agenciesLead')}</p>
          {organizations.isPending ? (
            <p className="muted">{t('app.loading')}</p>
          ) : organizations.isError ? (
            <LoadError error={organizations.error} retry={() => void organizations.refetch()} />
          ) : agencies.length === 0 ? (
            <p>{t('scorecards.index.noAgencies')}</p>
          ) : (
            <ul className="scorecard-index-list">
              {agencies.map((organization) => (
                <li key={organization.id}>
                  <Link
                    to={organizationScorecardPath(organization.id)}
                    className="scorecard-index-link"
                  >
                    <NameText text={organization.name} french={organization.nameFr} />
                  </Link>
                  <span className="muted scorecard-index-detail">{organization.code}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </PageLayout>
  );
}
