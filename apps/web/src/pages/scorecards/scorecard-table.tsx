// The scorecard as tables: one per result (indicators, then each contributing program's
// measures), and one for the shared measures with each partner's contribution beneath. Where a
// latest figure shown is under revision, the legend of its "†" comes first, once.

import { useDeferredValue } from 'react';
import { Link } from 'react-router';
import type { SeriesSummary } from '../../api/scorecards-api';
import { BaselineChange } from '../../components/figures/baseline-change';
import { CategoryIcon, HeadlineMark } from '../../components/figures/category-icon';
import { noFigureGlyph } from '../../components/figures/figure-glyphs';
import { FigureValue } from '../../components/figures/figure-value';
import { PlanStatus } from '../../components/figures/plan-status';
import { anyUnderRevision, RevisionLegend } from '../../components/figures/revision-mark';
import { Sparkline } from '../../components/figures/sparkline';
import { TargetStatusBadge } from '../../components/figures/target-status-badge';
import { TrendBadge } from '../../components/figures/trend-badge';
import { fallbackLang, NameText } from '../../components/name-text';
import { TableScroll } from '../../components/table-scroll';
import { useI18n } from '../../i18n/i18n-provider';
import { formatMeasureValue } from '../../i18n/measure-value';
import { useRichMessage } from '../../i18n/rich-message';
import type { ScorecardGroup, ScorecardRow, ScorecardSection } from './scorecard-model';
import './scorecards.css';

export interface ScorecardTableOptions {
  /** Names link to each measure's series page (not on the public page, which has none). */
  linkNames?: boolean;
  /** The plan column (left out where plans are not shown, as on public scorecards). */
  showPlan?: boolean;
  /** The heading level of each section's title, for pages that nest the scorecard deeper. */
  headingLevel?: 2 | 3;
}

export function measurePath(measureId: string): string {
  return `/measures/${encodeURIComponent(measureId)}`;
}

function TargetCell({ series }: { series: SeriesSummary }) {
  const { locale } = useI18n();
  const { target } = series;
  return (
    <span className="scorecard-target">
      {target.value === null ? null : (
        <span className="figure-value">
          {formatMeasureValue(locale, target.value, series.unit, series.decimals)}
        </span>
      )}
      <TargetStatusBadge status={target.status} />
    </span>
  );
}

function NameCell({ row, linkNames }: { row: ScorecardRow; linkNames: boolean }) {
  const { t } = useI18n();
  const { series, organization } = row;
  const name = organization ? (
    <NameText text={organization.name} french={organization.nameFr} />
  ) : (
    <NameText text={series.name} french={series.nameFr} />
  );
  return (
    <th scope="row" className={`scorecard-name scorecard-level-${row.level}`}>
      <span className="scorecard-name-inner">
        {organization ? (
          <span className="visually-hidden">{t('scorecards.row.contributionFrom')} </span>
        ) : (
          <CategoryIcon kind={series.kind} category={series.category} />
        )}
        <span className="scorecard-name-text">
          {linkNames ? <Link to={measurePath(series.measureId)}>{name}</Link> : name}
          {series.headline && !organization ? (
            <>
              {' '}
              <HeadlineMark />
            </>
          ) : null}
        </span>
      </span>
    </th>
  );
}

function Row({
  row,
  linkNames,
  showPlan,
}: {
  row: ScorecardRow;
  linkNames: boolean;
  showPlan: boolean;
}) {
  const { periodName } = useI18n();
  const { series } = row;
  const classes = ['scorecard-row', `scorecard-row-${row.level}`];
  if (row.organization) classes.push('scorecard-contribution');
  return (
    <tr className={classes.join(' ')}>
      <NameCell row={row} linkNames={linkNames} />
      <td className="nowrap">{series.latest ? periodName(series.latest.period) : noFigureGlyph}</td>
      <td className="number">
        <FigureValue figure={series.latest} unit={series.unit} decimals={series.decimals} />
      </td>
      <td>
        <TargetCell series={series} />
      </td>
      <td>
        <TrendBadge trend={series.trend} />
      </td>
      <td>
        <BaselineChange baseline={series.baseline} unit={series.unit} decimals={series.decimals} />
      </td>
      <td className="scorecard-spark">
        <Sparkline points={series.points} />
      </td>
      {showPlan ? (
        <td>
          <PlanStatus plan={series.plan} />
        </td>
      ) : null}
    </tr>
  );
}

function GroupHeader({ group, columns }: { group: ScorecardGroup; columns: number }) {
  const { t } = useI18n();
  const rich = useRichMessage();
  if (group.kind === 'plain') return null;
  return (
    <tr className={`scorecard-group scorecard-group-${group.kind}`}>
      <th scope="rowgroup" colSpan={columns}>
        {/* Stays in view, and wraps within it, while the table scrolls sideways. */}
        <span className="scorecard-group-label">
          {group.kind === 'indicators' ? (
            t('scorecards.group.indicators')
          ) : (
            <>
              <span className="scorecard-group-kicker">{t('scorecards.group.program')}</span>{' '}
              <NameText text={group.name ?? ''} french={group.nameFr} />
              {group.organization ? (
                <span className="scorecard-group-org">
                  {' '}
                  {rich('scorecards.group.byOrganization', {
                    organization: (
                      <NameText text={group.organization.name} french={group.organization.nameFr} />
                    ),
                  })}
                </span>
              ) : null}
            </>
          )}
        </span>
      </th>
    </tr>
  );
}

export function ScorecardSectionTable({
  section,
  linkNames = true,
  showPlan = true,
  headingLevel = 2,
}: { section: ScorecardSection } & ScorecardTableOptions) {
  const { t, locale } = useI18n();
  const headingId = `scorecard-section-${section.key}`;
  const shared = section.kind === 'shared';
  const title = shared ? t('scorecards.section.shared') : (section.title ?? '');
  // A French page showing a result's English title for want of a French one says so.
  const titleLang = shared ? undefined : fallbackLang(locale, section.titleFr);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const columns = showPlan ? 8 : 7;
  return (
    // Not a landmark itself: the scrolling table below is the region the heading names.
    <section className={`scorecard-section scorecard-section-${section.kind}`}>
      <Heading id={headingId} className="scorecard-section-title">
        {section.kind === 'result' ? (
          <span className="scorecard-section-kicker">{t('scorecards.section.result')}</span>
        ) : null}
        {titleLang ? <span lang={titleLang}>{title}</span> : title}
      </Heading>
      {/* Wide tables scroll on their own; each is a region the keyboard can reach and scroll. */}
      <TableScroll className="scorecard-scroll" labelledBy={headingId} always>
        <table className="data-table scorecard-table">
          <caption className="visually-hidden" lang={titleLang}>
            {title}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="scorecard-col-name">
                {t('scorecards.col.measure')}
              </th>
              <th scope="col">{t('scorecards.col.period')}</th>
              <th scope="col" className="number">
                {t('scorecards.col.latest')}
              </th>
              <th scope="col">{t('scorecards.col.target')}</th>
              <th scope="col">{t('scorecards.col.trend')}</th>
              <th scope="col">{t('scorecards.col.baseline')}</th>
              <th scope="col">{t('scorecards.col.history')}</th>
              {showPlan ? <th scope="col">{t('scorecards.col.plan')}</th> : null}
            </tr>
          </thead>
          {section.groups.map((group) => (
            <tbody key={group.key}>
              <GroupHeader group={group} columns={columns} />
              {group.rows.map((row) => (
                <Row key={row.key} row={row} linkNames={linkNames} showPlan={showPlan} />
              ))}
            </tbody>
          ))}
        </table>
      </TableScroll>
    </section>
  );
}

/** The latest figures the tables show, collective and contributions alike. */
function shownLatest(sections: readonly ScorecardSection[]) {
  return sections.flatMap((s) => s.groups.flatMap((g) => g.rows.map((r) => r.series.latest)));
}

export function ScorecardSections({
  sections,
  ...options
}: { sections: readonly ScorecardSection[] } & ScorecardTableOptions) {
  const { t } = useI18n();
  // The tables are drawn in a deferred render, which React splits into short slices, so a long
  // scorecard never holds the page (typing, scrolling) for the whole of its drawing: first an
  // empty box, then the tables; a new filter keeps the old tables until the new ones are drawn.
  const shown = useDeferredValue<readonly ScorecardSection[] | null>(sections, null);
  if (shown === null) return <div className="scorecard-sections" aria-busy="true" />;
  if (shown.length === 0) {
    return <p className="notice scorecard-empty">{t('scorecards.empty')}</p>;
  }
  return (
    <div className="scorecard-sections">
      {anyUnderRevision(shownLatest(shown)) ? <RevisionLegend /> : null}
      {shown.map((section) => (
        <ScorecardSectionTable key={section.key} section={section} {...options} />
      ))}
    </div>
  );
}
