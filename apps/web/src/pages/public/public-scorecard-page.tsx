// A published table scorecard, for anyone holding the link: no sign-in, no navigation, small
// enough to embed in an iframe on the table's website; approved figures, small counts hidden.

import { useEffect, useMemo } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { LanguageSwitch } from '../../components/language-switch';
import { useI18n } from '../../i18n/i18n-provider';
import {
  PeriodPicker,
  PrintedPeriod,
  ScorecardFilterBar,
  useScorecardSearch,
  ViewNote,
} from '../scorecards/scorecard-filters';
import { scorecardPartners, scorecardPeriods, tableSections } from '../scorecards/scorecard-model';
import { ScorecardSections } from '../scorecards/scorecard-table';
import { LoadError } from '../scorecards/scorecards-page';
import { usePublicScorecard } from '../scorecards/use-scorecards';
import './public.css';

function isGone(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

export function PublicScorecardPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const search = useScorecardSearch();
  const latest = usePublicScorecard(token, null);
  const chosen = usePublicScorecard(token, search.period);
  const scorecard = chosen.data;

  const periods = useMemo(() => (latest.data ? scorecardPeriods(latest.data) : []), [latest.data]);
  const partners = useMemo(() => (scorecard ? scorecardPartners(scorecard) : []), [scorecard]);
  const sections = useMemo(
    () => (scorecard ? tableSections(scorecard, search.filters) : []),
    [scorecard, search.filters],
  );

  const title = scorecard?.table.name ?? t('publicCard.title');
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title, app: t('app.name') });
  }, [t, title]);

  const gone = chosen.isError && !scorecard && isGone(chosen.error);

  return (
    <div className="public-scorecard">
      <header className="public-header">
        <div className="public-heading">
          <p className="public-kicker">{t('publicCard.kicker')}</p>
          <h1 className="public-title">{gone ? t('publicCard.goneTitle') : title}</h1>
          {scorecard ? <p className="public-population">{scorecard.table.population}</p> : null}
        </div>
        <LanguageSwitch />
      </header>
      <main className="public-main">
        {chosen.isPending ? (
          <p className="muted">{t('app.loading')}</p>
        ) : gone ? (
          <div className="notice public-gone">
            <p>{t('publicCard.gone')}</p>
            <p>{t('publicCard.goneHelp')}</p>
          </div>
        ) : chosen.isError && !scorecard ? (
          <LoadError error={chosen.error} retry={() => void chosen.refetch()} />
        ) : scorecard ? (
          <div className="scorecard-page" aria-busy={chosen.isPlaceholderData}>
            <ViewNote view={scorecard.view} threshold={scorecard.suppressionThreshold} />
            <PrintedPeriod period={search.period} />
            <div className="public-filters">
              <PeriodPicker groups={periods} period={search.period} onChange={search.setPeriod} />
              <ScorecardFilterBar
                filters={search.filters}
                onChange={search.setFilters}
                partners={partners}
              />
            </div>
            <ScorecardSections sections={sections} linkNames={false} showPlan={false} />
          </div>
        ) : null}
      </main>
      {scorecard ? (
        <footer className="public-footer">
          <p>{t('publicCard.footer', { app: t('app.name') })}</p>
        </footer>
      ) : null}
    </div>
  );
}
