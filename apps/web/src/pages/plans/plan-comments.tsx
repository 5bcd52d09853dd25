// Comments on a plan: anyone who can read the plan may add one.

import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import type { PlanComment } from '../../api/plans-api';
import { useI18n } from '../../i18n/i18n-provider';
import { usePostComment } from './use-plans';

function CommentForm({ planId }: { planId: string }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const post = usePostComment(planId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') {
      setProblem(t('plans.comments.empty'));
      return;
    }
    setProblem(null);
    post.mutate(body, {
      onSuccess: () => setBody(''),
      onError: (error) =>
        setProblem(error instanceof ApiError ? errorMessage(error, t) : t('plans.comments.failed')),
    });
  };

  return (
    <form className="plan-comment-form" onSubmit={submit} noValidate>
      <div className="field plan-field">
        <label htmlFor="plan-comment-body">{t('plans.comments.label')}</label>
        <textarea
          id="plan-comment-body"
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          {...(problem ? { 'aria-invalid': true, 'aria-describedby': 'plan-comment-error' } : {})}
        />
        {problem ? (
          <p id="plan-comment-error" className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={post.isPending}>
          {post.isPending ? t('plans.comments.posting') : t('plans.comments.post')}
        </button>
      </div>
    </form>
  );
}

export function PlanComments({
  planId,
  comments,
  isPending,
  error,
  canComment,
}: {
  planId: string | null;
  comments: PlanComment[];
  isPending: boolean;
  error: unknown;
  /** Funders and public readers read comments but write nothing. */
  canComment: boolean;
}) {
  const { t, formatDate } = useI18n();
  return (
    <section className="plan-section panel" aria-labelledby="plan-comments-heading">
      <h2 id="plan-comments-heading" className="plan-section-title">
        {t('plans.comments.title')}
      </h2>
      {planId === null ? (
        <p className="muted">{t('plans.comments.noPlan')}</p>
      ) : (
        <>
          {isPending ? (
            <p className="muted">{t('app.loading')}</p>
          ) : error ? (
            <p className="form-error" role="alert">
              {errorMessage(error, t)}
            </p>
          ) : comments.length === 0 ? (
            <p className="muted">{t('plans.comments.none')}</p>
          ) : (
            <ol className="plan-comments">
              {comments.map((c) => (
                <li key={c.id} className="plan-comment">
                  <p className="plan-comment-meta">
                    <strong>{c.authorName}</strong>{' '}
                    <span className="muted">
                      {formatDate(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    </span>
                  </p>
                  <p className="narrative">{c.body}</p>
                </li>
              ))}
            </ol>
          )}
          {canComment && <CommentForm planId={planId} />}
        </>
      )}
    </section>
  );
}
