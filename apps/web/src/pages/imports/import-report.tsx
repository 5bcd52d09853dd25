// An import's report: the counts, then every rejected row (line and reason) and skipped cell.

import type { ImportReport } from '../../api/imports-api';
import { useI18n, useT } from '../../i18n/i18n-provider';

/** Enough rows to read; beyond this the file has a systematic problem and the count says so. */
const maxListed = 1000;

function LineTable({
  caption,
  rows,
}: {
  caption: string;
  rows: readonly { line: number; reason: string }[];
}) {
  const t = useT();
  const shown = rows.slice(0, maxListed);
  return (
    <>
      <table className="data-table imports-lines">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="number">
              {t('imports.report.line')}
            </th>
            <th scope="col">{t('imports.report.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row, at) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a wide row can be listed once per column.
            <tr key={at}>
              <td className="number">{row.line}</td>
              <td>{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length ? (
        <p className="imports-hint">
          {t('imports.report.more', { shown: shown.length, total: rows.length })}
        </p>
      ) : null}
    </>
  );
}

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, formatNumber } = useI18n();
  const done = report.committed;
  const skipped = report.skipped ?? [];
  const counts: [string, number][] = [
    [t('imports.report.rowsRead'), report.rowsRead],
    [t(done ? 'imports.report.inserted' : 'imports.report.wouldInsert'), report.inserted],
    [t(done ? 'imports.report.updated' : 'imports.report.wouldUpdate'), report.updated],
    [t('imports.report.unchanged'), report.unchanged],
    [t('imports.report.skipped'), skipped.length],
    [t('imports.report.filtered'), report.filtered ?? 0],
    [t('imports.report.rejected'), report.rejected.length],
  ];
  return (
    <div className="imports-report">
      <dl className="imports-counts">
        {counts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      {report.rejected.length > 0 ? (
        <LineTable caption={t('imports.report.rejectedCaption')} rows={report.rejected} />
      ) : null}
      {skipped.length > 0 ? (
        <details className="imports-skipped">
          <summary>{t('imports.report.skippedSummary', { count: skipped.length })}</summary>
          <LineTable caption={t('imports.report.skippedCaption')} rows={skipped} />
        </details>
      ) : null}
    </div>
  );
}
