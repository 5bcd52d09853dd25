// In a measure's panel: the history of this quarter's figures, opened on demand (an accordion
// button), for the total or one of its breakdown cells. Every save, who made it, the figure before
// and after, and the quarter's steps (submitted, returned, reopened, approved) with their reason.

import './entry-history.css';
import { useId, useState } from 'react';
import type { EntryMeasure } from '../../api/entry-api';
import { FigureHistoryView } from '../../components/figure-history/figure-history';
import {
  isHistoryForbidden,
  useFigureHistory,
} from '../../components/figure-history/use-figure-history';
import { useI18n } from '../../i18n/i18n-provider';
import { breakdownKey, breakdownRows } from './entry-sheet-model';

export function FigureHistorySection({
  measure,
  period,
}: {
  measure: EntryMeasure;
  period: string;
}) {
  const { t, periodName } = useI18n();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const buttonId = useId();
  const regionId = useId();
  const selectId = useId();
  const cells = breakdownRows(measure);
  const chosen = cells.find((c) => breakdownKey(c.breakdown) === choice);
  const breakdown = chosen?.breakdown ?? {};
  const history = useFigureHistory(measure.id, period, breakdown, open);
  const figure = chosen ? `${measure.name} (${chosen.labels.join(', ')})` : measure.name;
  return (
    <section className="entry-history" aria-labelledby={buttonId}>
      <h3 className="entry-history-title">
        <button
          id={buttonId}
          type="button"
          className="button entry-history-toggle"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setOpen((was) => !was)}
        >
          {t('dataEntry.history.title')}
        </button>
      </h3>
      <div id={regionId} hidden={!open}>
        {open ? (
          <>
            {cells.length > 0 ? (
              <div className="field entry-history-choice">
                <label htmlFor={selectId}>{t('dataEntry.history.figure')}</label>
                <select
                  id={selectId}
                  value={choice}
                  onChange={(event) => setChoice(event.target.value)}
                >
                  <option value="">{t('dataEntry.history.total')}</option>
                  {cells.map((c) => (
                    <option key={breakdownKey(c.breakdown)} value={breakdownKey(c.breakdown)}>
                      {c.labels.join(', ')}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {history.error && isHistoryForbidden(history.error) ? (
              <p className="muted">{t('dataEntry.history.forbidden')}</p>
            ) : (
              <FigureHistoryView
                query={history}
                measure={measure}
                caption={t('dataEntry.history.caption', { figure, period: periodName(period) })}
              />
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
