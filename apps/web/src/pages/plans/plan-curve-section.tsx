// The curve the plan is about, with its forecast and targets.

import { errorMessage } from '../../api/error-message';
import { CurveChart } from '../../charts/curve-chart';
import { useI18n } from '../../i18n/i18n-provider';
import type { useMeasureSeries } from './use-plans';

export function PlanCurveSection({ series }: { series: ReturnType<typeof useMeasureSeries> }) {
  const { t } = useI18n();
  const curve = series.data;
  return (
    <section className="plan-section panel" aria-labelledby="plan-curve-heading">
      <h2 id="plan-curve-heading" className="plan-section-title">
        {t('plans.curve.title')}
      </h2>
      {curve ? (
        <div className="plan-curve">
          <CurveChart
            name={curve.name}
            nameFr={curve.nameFr}
            points={curve.points}
            targets={curve.targets}
            forecast={curve.forecast}
            baselineForecast={curve.baselineForecast}
            verdict={curve.versusBaselineCurve}
            baselinePeriod={curve.baseline?.period ?? null}
            direction={curve.direction}
            unit={curve.unit}
            decimals={curve.decimals}
            width={640}
            height={240}
          />
        </div>
      ) : series.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <p className="form-error" role="alert">
          {t('plans.curve.error')} {errorMessage(series.error, t)}
        </p>
      )}
    </section>
  );
}
