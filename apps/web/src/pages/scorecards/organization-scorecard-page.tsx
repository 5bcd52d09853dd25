// A partner agency's scorecard: each program with its performance measures.

import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { fallbackLang } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import {
  PeriodPicker,
  PrintedPeriod,
  ScorecardFilterBar,
  useScorecardSearch,
  ViewNote,
} from './scorecard-filters';
import { organizationSections, scorecardPeriods } from './scorecard-model';
import { ScorecardSections } from './scorecard-table';
import { LoadError } from './scorecards-page';
import './scorecards.css';
import { isMissing, useOrganizationScorecard } from './use-scorecards';

export function OrganizationScorecardPage() {
  const { organizationId = '' } = useParams();
  const { t, locale } = useI18n();
  const search = useScorecardSearch();
  const latest = useOrganizationScorecard(organizationId, null);
  const chosen = useOrganizationScorecard(organizationId, search.period);
  const scorecard = chosen.data;

  const periods = useMemo(() => (latest.data ? scorecardPeriods(latest.data) : []), [latest.data]);
  const sections = useMemo(
    () => (scorecard ? organizationSections(scorecard, search.filters) : []),
    [scorecard, search.filters],
  );

  const title = scorecard?.organization.name ?? t('scorecards.title');
  const picker = (
    <PeriodPicker groups={periods} period={search.period} onChange={search.setPeriod} />
  );

  // The picker stands in the header from the first frame (with "Latest" until the periods are
  // known), so the page does not move down when the scorecard arrives.
  const failed = chosen.isError && !scorecard;
  return (
    <PageLayout
      title={title}
      titleLang={scorecard ? fallbackLang(locale, scorecard.organization.nameFr) : undefined}
      actions={failed ? undefined : picker}
    >
      <p className="scorecard-back">
        <Link to="/scorecards">{t('scorecards.back')}</Link>
      </p>
      {chosen.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : chosen.isError && !scorecard ? (
        isMissing(chosen.error) ? (
          <p className="notice">{t('scorecards.notFound.organization')}</p>
        ) : (
          <LoadError error={chosen.error} retry={() => void chosen.refetch()} />
        )
      ) : scorecard ? (
        <div className="scorecard-page" aria-busy={chosen.isPlaceholderData}>
          <p className="scorecard-population">
            {t('scorecards.organization.kicker', { code: scorecard.organization.code })}
          </p>
          <ViewNote view={scorecard.view} threshold={scorecard.suppressionThreshold} />
          <PrintedPeriod period={search.period} />
          <ScorecardFilterBar filters={search.filters} onChange={search.setFilters} />
          <ScorecardSections sections={sections} />
        </div>
      ) : null}
    </PageLayout>
  );
}
