// The history of one figure of the measure, for the period (and breakdown) chosen: every save, who
// made it and when, the figure before and after, and its period's steps. Only for those the API
// lets read it (the agency's people, the table's coordinators, admins): on a refusal, nothing.

import { useId, useState } from 'react';
import type { Dimension, SeriesResponse } from '../../api/scorecards-api';
import { comparePeriodLabels } from '../../charts/curve-rows';
import { FigureHistoryView } from '../../components/figure-history/figure-history';
import {
  isHistoryForbidden,
  useFigureHistory,
} from '../../components/figure-history/use-figure-history';
import { fallbackLang } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { breakdownLabel, breakdownLabelFr, totalKey } from './breakdown-rows';

/** Whether the caller's view of the measure may include figure histories (the API decides). */
export function mayReadHistory(series: Pick<SeriesResponse, 'view' | 'kind'>): boolean {
  // Funders and table members are refused (403); a shared measure's figure is computed (422).
  return (series.view === 'all' || series.view === 'review') && series.kind !== 'shared';
}

export function SeriesHistory({
  series,
  dimensions,
}: {
  series: SeriesResponse;
  dimensions: readonly Dimension[];
}) {
  const { t, locale, periodName } = useI18n();
  const periods = [...new Set(series.points.map((p) => p.period))]
    .sort(comparePeriodLabels)
    .reverse();
  const [period, setPeriod] = useState(series.latest?.period ?? periods[0] ?? '');
  const [cell, setCell] = useState(totalKey);
  const titleId = useId();
  const periodId = useId();
  const cellId = useId();
  const chosen = series.breakdowns.find((b) => b.key === cell);
  const history = useFigureHistory(
    series.measureId,
    period,
    chosen?.breakdown ?? {},
    period !== '',
  );
  if (period === '' || (history.error && isHistoryForbidden(history.error))) return null;
  const figure = chosen
    ? `${series.name} (${breakdownLabel(chosen.breakdown, dimensions)})`
    : series.name;
  return (
    <section className="panel series-history" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('series.history.title')}
      </h2>
      <p className="muted">{t('series.history.lead')}</p>
      <div className="series-history-pickers">
        <div className="field">
          <label htmlFor={periodId}>{t('series.history.period')}</label>
          <select id={periodId} value={period} onChange={(event) => setPeriod(event.target.value)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodName(p)}
              </option>
            ))}
          </select>
        </div>
        {series.breakdowns.length > 0 ? (
          <div className="field">
            <label htmlFor={cellId}>{t('series.history.figure')}</label>
            <select id={cellId} value={cell} onChange={(event) => setCell(event.target.value)}>
              <option value={totalKey}>{t('series.breakdown.total')}</option>
              {series.breakdowns.map((b) => (
                <option
                  key={b.key}
                  value={b.key}
                  lang={fallbackLang(locale, breakdownLabelFr(b.breakdown, dimensions))}
                >
                  {breakdownLabel(b.breakdown, dimensions)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <FigureHistoryView
        query={history}
        measure={series}
        caption={t('series.history.caption', { figure, period: periodName(period) })}
      />
    </section>
  );
}
