// The figures behind the curve, one row per period: every actual (a suppressed one as "x", one
// under revision followed by "†"), target and forecast.

import { SuppressedValue } from '../components/figures/figure-value';
import { RevisionMark } from '../components/figures/revision-mark';
import { useI18n } from '../i18n/i18n-provider';
import type { CurveRow } from './curve-rows';

const noValue = '–';

function ActualCell({ row, format }: { row: CurveRow; format: (value: number) => string }) {
  const shown = row.suppressed ? (
    <SuppressedValue />
  ) : row.actual === null ? (
    noValue
  ) : (
    format(row.actual)
  );
  return (
    <td className="number">
      {shown}
      {row.underRevision ? <RevisionMark /> : null}
    </td>
  );
}

export function CurveTable({
  rows,
  format,
}: {
  rows: readonly CurveRow[];
  format: (value: number) => string;
}) {
  const { t } = useI18n();
  return (
    <table className="data-table curve-table">
      <caption>{t('chart.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.table.period')}</th>
          <th scope="col">{t('chart.table.actual')}</th>
          <th scope="col">{t('chart.table.target')}</th>
          <th scope="col">{t('chart.table.forecast')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.period}>
            <th scope="row">
              {row.period}
              {row.isBaseline ? (
                <span className="muted"> ({t('chart.table.baseline')})</span>
              ) : null}
            </th>
            <ActualCell row={row} format={format} />
            <td className="number">{row.target === null ? noValue : format(row.target)}</td>
            <td className="number">{row.forecast === null ? noValue : format(row.forecast)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
