// When a table's agencies are reminded of a due date: on or off, and the days from the due date
// (coordinators of the table and admins). Problems are said in words beside the field.

import './reminder-settings.css';
import { type FormEvent, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/error-message';
import type { ReminderSettings } from '../../api/reporting-status-api';
import { useI18n } from '../../i18n/i18n-provider';
import { formatOffsets, offsetLimit, offsetsInWords, parseOffsets } from './reminder-offsets';
import { useReminderSettings, useSaveReminderSettings } from './use-status-board';

function ReminderForm({ tableId, saved }: { tableId: string; saved: ReminderSettings }) {
  const { t, locale } = useI18n();
  const save = useSaveReminderSettings(tableId);
  const [enabled, setEnabled] = useState(saved.enabled);
  const [text, setText] = useState(formatOffsets(saved.offsets));
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const parsed = parseOffsets(text, enabled);
    if ('problem' in parsed) {
      setProblem(t(parsed.problem.key, parsed.problem.params));
      input.current?.focus();
      return;
    }
    setProblem(null);
    save.mutate(
      { enabled, offsets: parsed.offsets },
      {
        onSuccess: (answer) => {
          setText(formatOffsets(answer.offsets));
          setDone(true);
        },
      },
    );
  };

  const describedBy = [`${id}-hint`, problem ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <form className="status-reminders-form" onSubmit={submit} noValidate>
      <p className="status-reminders-now">
        {saved.enabled && saved.offsets.length > 0
          ? t('status.reminders.now', { list: offsetsInWords(t, locale, saved.offsets) })
          : t('status.reminders.off')}
      </p>
      <div className="status-check">
        <input
          id={`${id}-enabled`}
          type="checkbox"
          checked={enabled}
          onChange={(event) => setEnabled(event.target.checked)}
        />
        <label htmlFor={`${id}-enabled`}>{t('status.reminders.enabled')}</label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-offsets`}>{t('status.reminders.offsets')}</label>
        <p id={`${id}-hint`} className="muted status-hint">
          {t('status.reminders.offsetsHint', { limit: offsetLimit })}
        </p>
        <input
          ref={input}
          id={`${id}-offsets`}
          type="text"
          inputMode="text"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
        />
        {problem ? (
          <p id={`${id}-error`} className="status-field-error">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="form-error" role="alert">
        {save.error ? errorMessage(save.error, t) : ''}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('status.reminders.saving') : t('status.reminders.save')}
        </button>
      </div>
      <p className="status-done" role="status">
        {done ? t('status.reminders.saved') : ''}
      </p>
    </form>
  );
}

export function ReminderSettingsPanel({ tableId }: { tableId: string }) {
  const { t } = useI18n();
  const settings = useReminderSettings(tableId);
  const headingId = useId();
  return (
    <section className="panel status-reminders" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t('status.reminders.title')}
      </h2>
      <p className="status-reminders-lead">{t('status.reminders.lead')}</p>
      {settings.data ? (
        <ReminderForm key={tableId} tableId={tableId} saved={settings.data} />
      ) : settings.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <p className="form-error" role="alert">
          {errorMessage(settings.error, t)}
        </p>
      )}
    </section>
  );
}
