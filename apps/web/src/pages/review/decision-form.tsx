// The coordinator's decision on a submitted quarter: approve it, or return it with a note.

import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { EntrySheet } from '../../api/entry-api';
import { errorMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-provider';
import type { ReviewDone } from './review-page';
import { useDecide } from './use-review';

export function Decision({ sheet }: { sheet: EntrySheet }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const decide = useDecide(sheet.organization.id, sheet.period.label);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const titleId = useId();
  const noteId = useId();
  const hintId = useId();
  const errorId = useId();

  const finish = (decision: ReviewDone['decision']) => {
    const reviewed: ReviewDone = {
      decision,
      organization: sheet.organization.name,
      period: sheet.period.label,
    };
    void navigate('/review', { state: { reviewed } });
  };

  const onReturn = (event: FormEvent) => {
    event.preventDefault();
    if (decide.isPending) return;
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    // mutateAsync, not mutate's callbacks: those are dropped when the refreshed sheet (no longer
    // submitted) unmounts this form before the mutation settles.
    decide.mutateAsync({ kind: 'return', note }).then(
      () => finish('returned'),
      () => undefined, // shown by decide.error
    );
  };

  return (
    <section className="review-decision panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('review.decision.title')}
      </h2>
      <div className="review-decision-grid">
        <div>
          <p>{t('review.decision.approveLead')}</p>
          <button
            type="button"
            className="button button-primary"
            aria-disabled={decide.isPending}
            onClick={() => {
              if (!decide.isPending)
                decide.mutateAsync({ kind: 'approve' }).then(
                  () => finish('approved'),
                  () => undefined,
                );
            }}
          >
            {t('review.decision.approve')}
          </button>
        </div>
        <form onSubmit={onReturn} noValidate>
          <div className="field">
            <label htmlFor={noteId}>
              {t('review.decision.noteLabel', { organization: sheet.organization.name })}
            </label>
            <p id={hintId} className="muted review-hint">
              {t('review.decision.noteHint')}
            </p>
            <textarea
              id={noteId}
              className="review-note-input"
              rows={4}
              required
              aria-required="true"
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${hintId} ${errorId}` : hintId}
              value={note}
              onChange={(event) => {
                setNote(event.target.value);
                if (event.target.value.trim() !== '') setMissing(false);
              }}
            />
            {missing ? (
              <p id={errorId} className="form-error">
                {t('review.decision.noteRequired')}
              </p>
            ) : null}
          </div>
          <div className="button-row">
            <button type="submit" className="button" aria-disabled={decide.isPending}>
              {t('review.decision.return')}
            </button>
          </div>
        </form>
      </div>
      {decide.error ? (
        <p className="form-error" role="alert">
          {errorMessage(decide.error, t)}
        </p>
      ) : null}
    </section>
  );
}
