// Reopening an approved quarter for correction: a coordinator (or an administrator) writes the
// reason, which the agency then reads at the top of its quarter. The reason is required.

import { type FormEvent, useId, useRef, useState } from 'react';
import type { EntrySheet } from '../../api/entry-api';
import { errorMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-provider';
import { useDecide } from './use-review';

export function ReopenForm({ sheet, onReopened }: { sheet: EntrySheet; onReopened: () => void }) {
  const { t, periodName } = useI18n();
  const decide = useDecide(sheet.organization.id, sheet.period.label);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const hintId = useId();
  const errorId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (decide.isPending) return;
    if (reason.trim() === '') {
      setMissing(true);
      input.current?.focus();
      return;
    }
    // mutateAsync, as for the other decisions: the refreshed sheet (no longer approved) unmounts
    // this form before the mutation settles, and the parent says what happened.
    decide.mutateAsync({ kind: 'reopen', reason }).then(
      () => onReopened(),
      () => undefined, // shown by decide.error while the form is still there
    );
  };

  return (
    <section className="review-reopen panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('review.reopen.title')}
      </h2>
      <p>{t('review.reopen.lead')}</p>
      <form onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={reasonId}>
            {t('review.reopen.reasonLabel', { period: periodName(sheet.period.label) })}
          </label>
          <p id={hintId} className="muted review-hint">
            {t('review.reopen.reasonHint')}
          </p>
          <textarea
            ref={input}
            id={reasonId}
            className="review-note-input"
            rows={4}
            required
            aria-required="true"
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${hintId} ${errorId}` : hintId}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              if (event.target.value.trim() !== '') setMissing(false);
            }}
          />
          {missing ? (
            <p id={errorId} className="form-error">
              {t('review.reopen.reasonRequired')}
            </p>
          ) : null}
        </div>
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={decide.isPending}>
            {decide.isPending ? t('review.reopen.submitting') : t('review.reopen.submit')}
          </button>
        </div>
      </form>
      {decide.error ? (
        <p className="form-error" role="alert">
          {errorMessage(decide.error, t)}
        </p>
      ) : null}
    </section>
  );
}
