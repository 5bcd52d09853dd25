// A figure's history as the query holds it: loading, failed (with a retry), empty, or the table.
// Callers decide what a refusal (403) means for them: usually, nothing shown at all.

import { errorMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-provider';
import { FigureHistoryTable, type FigureUnit } from './figure-history-table';
import type { useFigureHistory } from './use-figure-history';

export function FigureHistoryView({
  query,
  measure,
  caption,
}: {
  query: ReturnType<typeof useFigureHistory>;
  measure: FigureUnit;
  caption: string;
}) {
  const { t } = useI18n();
  if (query.data) {
    if (query.data.items.length === 0) return <p className="muted">{t('history.empty')}</p>;
    return <FigureHistoryTable items={query.data.items} measure={measure} caption={caption} />;
  }
  if (query.error) {
    return (
      <div className="form-error">
        <p>{t('history.failed')}</p>
        <p>{errorMessage(query.error, t)}</p>
        <button type="button" className="button" onClick={() => void query.refetch()}>
          {t('errors.retry')}
        </button>
      </div>
    );
  }
  return <p className="muted">{t('app.loading')}</p>;
}
