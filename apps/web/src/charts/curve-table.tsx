// The figures behind the curve, one row per period: every actual (a suppressed one as "x", one
// under revision followed by "†"), target, and the two projected lines, each with its 80% range.

import { useId } from 'react';
import { SuppressedValue } from '../components/figures/figure-value';
import { RevisionMark } from '../components/figures/revision-mark';
import { useI18n } from '../i18n/i18n-provider';
import type { CurveRow, LineAt } from './curve-rows';

const noValue = '–';

type Format = (value: number) => string;

function ActualCell({ row, format }: { row: CurveRow; format: Format }) {
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

/** A projected value with its 80% range beneath, when there is one. */
function LineCell({ at, format }: { at: LineAt; format: Format }) {
  const { t } = useI18n();
  if (at.value === null) return <td className="number">{noValue}</td>;
  return (
    <td className="number">
      {format(at.value)}
      {at.low !== null && at.high !== null ? (
        <span className="curve-range">
          {t('chart.table.range', { low: format(at.low), high: format(at.high) })}
        </span>
      ) : null}
    </td>
  );
}

export function CurveTable({
  rows,
  format,
  curve,
}: {
  rows: readonly CurveRow[];
  format: Format;
  /** Whether there is a curve we were on to list. */
  curve: boolean;
}) {
  const { t, periodName } = useI18n();
  const captionId = useId();
  return (
    // With both lines and their ranges the table can be wider than a narrow screen: it scrolls in
    // a box of its own that the keyboard can reach, not the page or the panel.
    // biome-ignore lint/a11y/useSemanticElements: a scrolling box around the table, not a section
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <div className="curve-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table curve-table">
        <caption id={captionId}>{t('chart.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.table.period')}</th>
            <th scope="col">{t('chart.table.actual')}</th>
            <th scope="col">{t('chart.table.target')}</th>
            {curve ? <th scope="col">{t('chart.table.curve')}</th> : null}
            <th scope="col">{t('chart.table.forecast')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">
                {periodName(row.period)}
                {row.isBaseline ? (
                  <span className="muted"> ({t('chart.table.baseline')})</span>
                ) : null}
              </th>
              <ActualCell row={row} format={format} />
              <td className="number">{row.target === null ? noValue : format(row.target)}</td>
              {curve ? <LineCell at={row.curve} format={format} /> : null}
              <LineCell at={row.forecast} format={format} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
