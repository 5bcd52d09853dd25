// The admin's outbox: run the reminders now and read the result, then every message with its
// delivery state, filtered by state, a page at a time, with what each state means.

import './outbox.css';
import { useId, useState } from 'react';
import { errorMessage } from '../../api/error-message';
import { type OutboxState, outboxStates, type RemindersRun } from '../../api/notifications-api';
import { useI18n } from '../../i18n/i18n-provider';
import { OutboxTable, stateWords } from './outbox-table';
import { outboxPageSize, useOutbox, useRunReminders } from './use-outbox';

function RunReminders() {
  const { t } = useI18n();
  const run = useRunReminders();
  const [result, setResult] = useState<RemindersRun | null>(null);
  return (
    <section className="panel outbox-run" aria-labelledby="admin-outbox-run-heading">
      <h3 id="admin-outbox-run-heading" className="admin-subtitle">
        {t('outbox.run.title')}
      </h3>
      <p className="admin-lead">{t('outbox.run.lead')}</p>
      <button
        type="button"
        className="button button-primary"
        aria-disabled={run.isPending || undefined}
        onClick={() => {
          if (run.isPending) return;
          setResult(null);
          run.mutate(undefined, { onSuccess: setResult });
        }}
      >
        {run.isPending ? t('outbox.run.running') : t('outbox.run.button')}
      </button>
      <p className="admin-done" role="status">
        {result
          ? t('outbox.run.done', {
              queued: result.queued,
              sent: result.sent,
              failed: result.failed,
              skipped: result.skipped ?? 0,
            })
          : ''}
      </p>
      <div className="form-error" role="alert">
        {run.error ? errorMessage(run.error, t) : ''}
      </div>
    </section>
  );
}

export function OutboxTab() {
  const { t } = useI18n();
  const [state, setState] = useState<OutboxState | null>(null);
  const [offset, setOffset] = useState(0);
  const outbox = useOutbox(state, offset);
  const filterId = useId();
  const labelId = useId();
  const items = outbox.data ?? [];

  return (
    <section aria-labelledby="admin-outbox-heading">
      <h2 id="admin-outbox-heading" className="admin-title">
        {t('admin.tab.outbox')}
      </h2>
      <p className="admin-lead">{t('outbox.lead')}</p>
      <RunReminders />
      <div className="field admin-field outbox-filter">
        <label htmlFor={filterId}>{t('outbox.filter')}</label>
        <select
          id={filterId}
          value={state ?? ''}
          onChange={(event) => {
            setState((event.target.value || null) as OutboxState | null);
            setOffset(0);
          }}
        >
          <option value="">{t('outbox.filter.all')}</option>
          {outboxStates.map((s) => (
            <option key={s} value={s}>
              {t(stateWords[s].key)}
            </option>
          ))}
        </select>
      </div>
      {outbox.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : outbox.error ? (
        <p className="form-error" role="alert">
          {errorMessage(outbox.error, t)}
        </p>
      ) : items.length === 0 ? (
        <p className="notice">{t('outbox.empty')}</p>
      ) : (
        <>
          <p id={labelId} className="outbox-label">
            {t('outbox.page', { from: offset + 1, to: offset + items.length })}
          </p>
          <OutboxTable items={items} labelId={labelId} />
        </>
      )}
      <div className="button-row outbox-pages">
        {offset > 0 ? (
          <button
            type="button"
            className="button"
            onClick={() => setOffset(Math.max(0, offset - outboxPageSize))}
          >
            {t('outbox.newer')}
          </button>
        ) : null}
        {items.length === outboxPageSize ? (
          <button
            type="button"
            className="button"
            onClick={() => setOffset(offset + outboxPageSize)}
          >
            {t('outbox.older')}
          </button>
        ) : null}
      </div>
      <section className="outbox-legend" aria-labelledby="admin-outbox-legend">
        <h3 id="admin-outbox-legend" className="admin-subtitle">
          {t('outbox.legend')}
        </h3>
        <dl>
          {outboxStates.map((s) => (
            <div key={s}>
              <dt>
                <span aria-hidden="true">{stateWords[s].glyph}</span> {t(stateWords[s].key)}
              </dt>
              <dd>{t(stateWords[s].explain)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </section>
  );
}
