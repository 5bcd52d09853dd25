// A published table scorecard, for anyone holding the link: no sign-in, no navigation, small
// enough to embed in an iframe on the table's website; approved figures, small counts hidden.

import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { LanguageSwitch } from '../../components/language-switch';
import { fallbackLang, NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { isLocale } from '../../i18n/locale';
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

/**
 * The link's `?lang=en|fr` decides the page's language (a table publishes its French link on its
 * French website), without becoming the visitor's remembered choice; the language switch writes
 * the language it shows back into the URL, so the address shared or reloaded keeps it.
 */
function useLinkLanguage(): void {
  const { locale, showLocale } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('lang');
  // Before the page's queries start, so that the first already asks in the link's language.
  useLayoutEffect(() => {
    if (isLocale(asked)) showLocale(asked);
  }, [asked, showLocale]);
  const shown = useRef(locale);
  useEffect(() => {
    if (shown.current === locale) return;
    shown.current = locale;
    if (asked === locale) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('lang', locale);
        return next;
      },
      { replace: true },
    );
  }, [locale, asked, setParams]);
}

export function PublicScorecardPage() {
  const { token = '' } = useParams();
  useLinkLanguage();
  const { t, locale } = useI18n();
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
          <h1
            className="public-title"
            lang={!gone && scorecard ? fallbackLang(locale, scorecard.table.nameFr) : undefined}
          >
            {gone ? t('publicCard.goneTitle') : title}
          </h1>
          {scorecard ? (
            <p className="public-population">
              <NameText text={scorecard.table.population} french={scorecard.table.populationFr} />
            </p>
          ) : null}
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
