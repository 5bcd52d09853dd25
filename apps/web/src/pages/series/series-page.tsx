// A measure's series page: the curve (actuals, targets, baseline, forecast) as the hero, its
// breakdown lines to toggle, every figure in a table, the notes, a figure's history (for those
// who may read it), and the plan beside it. A figure under revision (the last approved one of a
// period being corrected) is followed by "†", whose legend the page gives once.

import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { SeriesResponse } from '../../api/scorecards-api';
import { CurveChart } from '../../charts/curve-chart';
import { BaselineChange } from '../../components/figures/baseline-change';
import { CategoryIcon, HeadlineMark } from '../../components/figures/category-icon';
import { FigureValue } from '../../components/figures/figure-value';
import { PlanStatus } from '../../components/figures/plan-status';
import { anyUnderRevision, RevisionLegend } from '../../components/figures/revision-mark';
import { TargetStatusBadge } from '../../components/figures/target-status-badge';
import { TrendBadge } from '../../components/figures/trend-badge';
import { fallbackLang } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { type Translate, useI18n } from '../../i18n/i18n-provider';
import { formatMeasureValue } from '../../i18n/measure-value';
import { ViewNote } from '../scorecards/scorecard-filters';
import { LoadError } from '../scorecards/scorecards-page';
import { isMissing, useOrganizations } from '../scorecards/use-scorecards';
import { BreakdownChart } from './breakdown-chart';
import { breakdownLines, breakdownRows } from './breakdown-rows';
import { PlanSummary } from './plan-summary';
import { mayReadHistory, SeriesHistory } from './series-history';
import { SeriesNotes } from './series-notes';
import './series.css';
import {
  isForbidden,
  useCurvePlan,
  useDimensions,
  useMeasureObservations,
  useMeasureSeries,
} from './use-series';

function Headline({ series }: { series: SeriesResponse }) {
  const { t, locale, periodName } = useI18n();
  return (
    <dl className="series-headline">
      <div>
        <dt>{t('series.headline.latest')}</dt>
        <dd>
          <FigureValue figure={series.latest} unit={series.unit} decimals={series.decimals} />
          {series.latest ? (
            <span className="muted"> {periodName(series.latest.period)}</span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('series.headline.target')}</dt>
        <dd className="series-headline-target">
          {series.target.value === null ? null : (
            <span className="figure-value">
              {formatMeasureValue(locale, series.target.value, series.unit, series.decimals)}
            </span>
          )}
          <TargetStatusBadge status={series.target.status} />
        </dd>
      </div>
      <div>
        <dt>{t('series.headline.trend')}</dt>
        <dd>
          <TrendBadge trend={series.trend} />
        </dd>
      </div>
      <div>
        <dt>{t('series.headline.baseline')}</dt>
        <dd>
          <BaselineChange
            baseline={series.baseline}
            unit={series.unit}
            decimals={series.decimals}
          />
        </dd>
      </div>
      <div>
        <dt>{t('series.headline.plan')}</dt>
        <dd>
          <PlanStatus plan={series.plan} />
        </dd>
      </div>
    </dl>
  );
}

const categoryKeys = {
  how_much: 'figures.category.how_much',
  how_well: 'figures.category.how_well',
  better_off: 'figures.category.better_off',
} as const;

/** The category's name, shown beside its icon (which tells screen readers the same). */
function categoryName(series: SeriesResponse, t: Translate): string {
  return series.kind === 'indicator' || series.category === null
    ? t('figures.category.indicator')
    : t(categoryKeys[series.category]);
}

/** Whether any figure the page shows (latest, curve, breakdowns) is under revision. */
function seriesUnderRevision(series: SeriesResponse): boolean {
  return anyUnderRevision([
    series.latest,
    ...series.points,
    ...series.breakdowns.flatMap((b) => b.points),
  ]);
}

const directionKeys = { up: 'series.direction.up', down: 'series.direction.down' } as const;

export function SeriesPage() {
  const { measureId = '' } = useParams();
  const { t, locale } = useI18n();
  const seriesQuery = useMeasureSeries(measureId);
  const series = seriesQuery.data;
  // Funders (the restricted view) never read raw figures; the API would refuse them.
  const observations = useMeasureObservations(
    measureId,
    series !== undefined && series.view !== 'restricted',
  );
  const plan = useCurvePlan(measureId, series !== undefined);
  const dimensions = useDimensions();
  const organizations = useOrganizations(series !== undefined);

  const lines = useMemo(
    () => (series ? breakdownLines(series, dimensions.data ?? []) : []),
    [series, dimensions.data],
  );
  const rows = useMemo(() => (series ? breakdownRows(series) : []), [series]);
  const organizationName = (id: string) => organizations.data?.find((o) => o.id === id) ?? null;

  const title = series?.name ?? t('series.title');

  return (
    <PageLayout title={title} titleLang={series ? fallbackLang(locale, series.nameFr) : undefined}>
      <p className="scorecard-back">
        <Link to="/scorecards">{t('series.back')}</Link>
      </p>
      {seriesQuery.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : seriesQuery.isError ? (
        isMissing(seriesQuery.error) ? (
          <p className="notice">{t('series.notFound')}</p>
        ) : (
          <LoadError error={seriesQuery.error} retry={() => void seriesQuery.refetch()} />
        )
      ) : series ? (
        <>
          <p className="series-meta">
            <span>
              <CategoryIcon kind={series.kind} category={series.category} />
              <span aria-hidden="true">{categoryName(series, t)}</span>
            </span>
            {series.headline ? (
              <span>
                <HeadlineMark />
                <span aria-hidden="true">{t('figures.headline')}</span>
              </span>
            ) : null}
            <span>{t('series.code', { code: series.code })}</span>
            <span>{t(directionKeys[series.direction])}</span>
          </p>
          {/* A funder sees suppressed figures as "x": the rule and its legend, once for the page. */}
          {series.view === 'restricted' ? (
            <ViewNote view={series.view} threshold={series.suppressionThreshold} />
          ) : null}
          {seriesUnderRevision(series) ? <RevisionLegend /> : null}
          <Headline series={series} />
          <div className="series-layout">
            <div className="series-main">
              <section className="panel series-curve" aria-labelledby="series-curve-title">
                <h2 id="series-curve-title" className="section-title">
                  {t('series.curve.title')}
                </h2>
                <CurveChart
                  name={series.name}
                  nameFr={series.nameFr}
                  points={series.points}
                  targets={series.targets}
                  forecast={series.forecast}
                  baselineForecast={series.baselineForecast}
                  verdict={series.versusBaselineCurve}
                  baselinePeriod={series.baseline?.period ?? null}
                  direction={series.direction}
                  unit={series.unit}
                  decimals={series.decimals}
                />
              </section>
              {lines.length > 0 ? (
                <section className="panel" aria-labelledby="series-breakdown-title">
                  <h2 id="series-breakdown-title" className="section-title">
                    {t('series.breakdown.title')}
                  </h2>
                  <BreakdownChart
                    name={series.name}
                    nameFr={series.nameFr}
                    lines={lines}
                    rows={rows}
                    unit={series.unit}
                    decimals={series.decimals}
                  />
                </section>
              ) : null}
              {observations.isSuccess ? (
                <div className="panel">
                  <SeriesNotes observations={observations.data} />
                </div>
              ) : observations.isError && !isForbidden(observations.error) ? (
                <p className="muted">{t('series.notes.unavailable')}</p>
              ) : null}
              {mayReadHistory(series) ? (
                <SeriesHistory series={series} dimensions={dimensions.data ?? []} />
              ) : null}
            </div>
            <div className="series-aside">
              {plan.isSuccess ? (
                <PlanSummary
                  plan={plan.data}
                  measureName={series.name}
                  organizationName={organizationName}
                />
              ) : plan.isError ? (
                <p className="muted">{t('series.plan.unavailable')}</p>
              ) : (
                <p className="muted">{t('app.loading')}</p>
              )}
            </div>
          </div>
        </>
      ) : null}
    </PageLayout>
  );
}
