// The figures at the top of the report: latest, target and status, trend, change since baseline
// (in points for percents and rates, relative otherwise, as the API's `changeUnit` says).
// Status is told by an icon and a word, never by colour alone. A latest figure under revision (the
// last approved one of a period being corrected) is followed by "†", with its legend under.

import type { ReactNode } from 'react';
import type { SeriesResponse } from '../../api/curve-report-api';
import { changeText } from '../../components/figures/change-text';
import { SuppressedValue } from '../../components/figures/figure-value';
import {
  anyUnderRevision,
  isUnderRevision,
  RevisionLegend,
  RevisionMark,
} from '../../components/figures/revision-mark';
import { useI18n } from '../../i18n/i18n-provider';
import { formatMeasureValue } from '../../i18n/measure-value';

const statusIcons = { met: '●', near: '◐', off: '○', none: '–' } as const;
const trendIcons = { up: '▲', down: '▼', flat: '▶' } as const;

function Favourability({ favorable }: { favorable: boolean | null }) {
  const { t } = useI18n();
  if (favorable === null) return null;
  return (
    <span className={favorable ? 'tone-favourable' : 'tone-unfavourable'}>
      {' '}
      ({favorable ? t('report.favourable') : t('report.unfavourable')})
    </span>
  );
}

export function ReportHeadline({ curve }: { curve: SeriesResponse }) {
  const { locale, t, periodName } = useI18n();
  const format = (value: number) => formatMeasureValue(locale, value, curve.unit, curve.decimals);
  const { latest, target, trend, baseline } = curve;

  // A suppressed latest figure reads "x", like every suppressed figure, with its period; one under
  // revision is followed by "†" (before its period, so the mark sits on the figure).
  const revised = isUnderRevision(latest);
  let latestText: ReactNode = t('report.headline.noFigure');
  if (latest && (latest.suppressed || (revised && latest.value !== null))) {
    latestText = (
      <>
        {latest.suppressed || latest.value === null ? <SuppressedValue /> : format(latest.value)}
        {revised ? <RevisionMark /> : null}{' '}
        {t('report.headline.suppressedIn', { period: periodName(latest.period) })}
      </>
    );
  } else if (latest && latest.value !== null) {
    latestText = t('report.headline.latestValue', {
      value: format(latest.value),
      period: periodName(latest.period),
    });
  }

  const trendText =
    trend.trend === 'flat'
      ? t('report.trend.flat')
      : t(trend.trend === 'up' ? 'report.trend.up' : 'report.trend.down', {
          count: trend.periods,
        });

  return (
    <section className="report-headline" aria-labelledby="report-headline-title">
      <h2 id="report-headline-title" className="visually-hidden">
        {t('report.headline.label')}
      </h2>
      <dl className="headline-figures">
        <div>
          <dt>{t('report.headline.latest')}</dt>
          <dd className="headline-value">{latestText}</dd>
        </div>
        <div>
          <dt>{t('report.headline.target')}</dt>
          <dd className="headline-value">
            {target.value === null ? null : <>{format(target.value)} </>}
            <span className={`target-status target-${target.status}`}>
              <span aria-hidden="true">{statusIcons[target.status]}</span>{' '}
              {t(`report.status.${target.status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('report.headline.trend')}</dt>
          <dd className="headline-value">
            <span aria-hidden="true">{trendIcons[trend.trend]}</span> {trendText}
            <Favourability favorable={trend.favorable} />
          </dd>
        </div>
        <div>
          <dt>{t('report.headline.baseline')}</dt>
          <dd className="headline-value">
            {!baseline ? (
              t('report.baseline.none')
            ) : baseline.change === null || baseline.value === null ? (
              t('report.baseline.noChange', { period: periodName(baseline.period) })
            ) : (
              <>
                {t('report.baseline.change', {
                  change: changeText(
                    t,
                    locale,
                    baseline.change,
                    baseline.changeUnit,
                    curve.decimals,
                  ),
                  period: periodName(baseline.period),
                  value: format(baseline.value),
                })}
                <Favourability favorable={baseline.favorable} />
              </>
            )}
          </dd>
        </div>
      </dl>
      {/* Once for the report: the curve's table may mark earlier figures too. */}
      {revised || anyUnderRevision(curve.points) ? <RevisionLegend /> : null}
    </section>
  );
}
