// A planning table's collective scorecard: results → indicators → contributing programs →
// measures, then the shared measures with each partner's contribution.

import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../auth/auth-provider';
import { PageLayout } from '../../components/page-layout';
import { TableLinks } from '../admin/public-links-tab';
import '../admin/admin.css';
import { fallbackLang, NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import {
  PeriodPicker,
  PrintedPeriod,
  ScorecardFilterBar,
  useScorecardSearch,
  ViewNote,
} from './scorecard-filters';
import { scorecardPartners, scorecardPeriods, tableSections } from './scorecard-model';
import { ScorecardSections } from './scorecard-table';
import { LoadError } from './scorecards-page';
import './scorecards.css';
import { isMissing, useTableScorecard } from './use-scorecards';

export function TableScorecardPage() {
  const { tableId = '' } = useParams();
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  // The table's coordinators publish its scorecard at secret links (admins too).
  const canPublish = user.roles.some(
    (g) => g.role === 'admin' || (g.role === 'table_coordinator' && g.scopeId === tableId),
  );
  const search = useScorecardSearch();
  // The unfiltered scorecard names every period there is; the chosen one may stop earlier.
  const latest = useTableScorecard(tableId, null);
  const chosen = useTableScorecard(tableId, search.period);
  const scorecard = chosen.data;

  const periods = useMemo(() => (latest.data ? scorecardPeriods(latest.data) : []), [latest.data]);
  const partners = useMemo(() => (scorecard ? scorecardPartners(scorecard) : []), [scorecard]);
  const sections = useMemo(
    () => (scorecard ? tableSections(scorecard, search.filters) : []),
    [scorecard, search.filters],
  );

  const title = scorecard?.table.name ?? t('scorecards.title');
  const picker = (
    <PeriodPicker groups={periods} period={search.period} onChange={search.setPeriod} />
  );

  // The picker stands in the header from the first frame (with "Latest" until the periods are
  // known), so the page does not move down when the scorecard arrives.
  const failed = chosen.isError && !scorecard;
  return (
    <PageLayout
      title={title}
      titleLang={scorecard ? fallbackLang(locale, scorecard.table.nameFr) : undefined}
      actions={failed ? undefined : picker}
    >
      <p className="scorecard-back">
        <Link to="/scorecards">{t('scorecards.back')}</Link>
      </p>
      {chosen.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : chosen.isError && !scorecard ? (
        isMissing(chosen.error) ? (
          <p className="notice">{t('scorecards.notFound.table')}</p>
        ) : (
          <LoadError error={chosen.error} retry={() => void chosen.refetch()} />
        )
      ) : scorecard ? (
        <div className="scorecard-page" aria-busy={chosen.isPlaceholderData}>
          <p className="scorecard-population">
            <NameText text={scorecard.table.population} french={scorecard.table.populationFr} />
          </p>
          <ViewNote view={scorecard.view} threshold={scorecard.suppressionThreshold} />
          <PrintedPeriod period={search.period} />
          <ScorecardFilterBar
            filters={search.filters}
            onChange={search.setFilters}
            partners={partners}
          />
          <ScorecardSections sections={sections} />
          {canPublish ? (
            <details className="scorecard-publish">
              <summary>{t('scorecards.publish.summary')}</summary>
              <TableLinks table={scorecard.table} />
            </details>
          ) : null}
        </div>
      ) : null}
    </PageLayout>
  );
}
