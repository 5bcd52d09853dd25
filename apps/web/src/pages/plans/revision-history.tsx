// Every saved revision of a plan: who saved it, when and what changed; two of them compared item
// by item; an old one restored as a new revision (history is never rewritten).

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/error-message';
import type { Plan, PlanRevision } from '../../api/plans-api';
import { TableScroll } from '../../components/table-scroll';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { PlanComparisonView } from './plan-comparison';
import { conflictPlan, useComparison, useRestoreRevision, useRevisions } from './use-plans';

const changedSectionKeys: Record<string, MessageKey> = {
  story: 'plans.section.story',
  partners: 'plans.section.partners',
  whatWorks: 'plans.section.whatWorks',
  actions: 'plans.section.actions',
  dataDevelopmentAgenda: 'plans.section.dataDevelopmentAgenda',
};

function ComparePicker({
  planId,
  revisions,
  organizationName,
}: {
  planId: string;
  revisions: PlanRevision[];
  organizationName: (id: string) => string;
}) {
  const { t, formatNumber } = useI18n();
  const newest = revisions[0]?.revision ?? 1;
  const [from, setFrom] = useState(String(revisions[1]?.revision ?? newest));
  const [to, setTo] = useState(String(newest));
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const comparison = useComparison(planId, pair);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPair({ from: Number(from), to: Number(to) });
  };
  const options = revisions.map((r) => (
    <option key={r.revision} value={r.revision}>
      {t('plans.history.revisionNumber', { revision: formatNumber(r.revision) })}
    </option>
  ));

  return (
    <div className="plan-compare">
      <form className="plan-compare-form" onSubmit={submit}>
        <div className="field plan-field">
          <label htmlFor="plan-compare-from">{t('plans.compare.from')}</label>
          <select id="plan-compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {options}
          </select>
        </div>
        <div className="field plan-field">
          <label htmlFor="plan-compare-to">{t('plans.compare.to')}</label>
          <select id="plan-compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {options}
          </select>
        </div>
        <button type="submit" className="button">
          {t('plans.compare.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {pair === null ? null : comparison.data ? (
          <PlanComparisonView
            comparison={comparison.data}
            organizationName={organizationName}
            changedInBetween={revisions
              .filter(
                (r) =>
                  r.revision > Math.min(pair.from, pair.to) &&
                  r.revision <= Math.max(pair.from, pair.to),
              )
              .flatMap((r) => r.changedSections)}
          />
        ) : comparison.isPending ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <p className="form-error" role="alert">
            {errorMessage(comparison.error, t)}
          </p>
        )}
      </div>
    </div>
  );
}

/** Asks before restoring; its first button takes focus, as the button that opened it is gone. */
function ConfirmRestore({
  revision,
  pending,
  onConfirm,
  onCancel,
}: {
  revision: number;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirm.current?.focus();
  }, []);
  return (
    <fieldset className="plan-confirm">
      <legend>{t('plans.history.confirm', { revision: formatNumber(revision) })}</legend>
      <button
        ref={confirm}
        type="button"
        className="button button-primary"
        disabled={pending}
        onClick={onConfirm}
      >
        {t('plans.history.restoreYes')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('plans.history.restoreNo')}
      </button>
    </fieldset>
  );
}

export function RevisionHistory({
  plan,
  measureId,
  dirty,
  savedByName,
  organizationName,
  onRestored,
  onConflict,
}: {
  plan: Plan;
  measureId: string;
  /** Unsaved edits: restoring would throw them away, so it waits until they are saved or discarded. */
  dirty: boolean;
  savedByName: (userId: string | null, name?: string | null) => string;
  organizationName: (id: string) => string;
  onRestored: (plan: Plan) => void;
  onConflict: (current: Plan) => void;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const planId = plan.id;
  const revisions = useRevisions(planId);
  const restore = useRestoreRevision(measureId, planId ?? '');
  const [confirming, setConfirming] = useState<number | null>(null);
  const captionId = useId();

  if (planId === null) {
    return (
      <section className="plan-section panel" aria-labelledby="plan-history-heading">
        <h2 id="plan-history-heading" className="plan-section-title">
          {t('plans.history.title')}
        </h2>
        <p className="muted">{t('plans.history.none')}</p>
      </section>
    );
  }

  const doRestore = (revision: number) => {
    restore.mutate(
      { revision, current: plan.revision },
      {
        onSuccess: (restored) => {
          setConfirming(null);
          onRestored(restored);
        },
        onError: (error) => {
          const current = conflictPlan(error);
          if (current) {
            setConfirming(null);
            onConflict(current);
          }
        },
      },
    );
  };

  const items = revisions.data ?? [];
  return (
    <section className="plan-section panel" aria-labelledby="plan-history-heading">
      <h2 id="plan-history-heading" className="plan-section-title">
        {t('plans.history.title')}
      </h2>
      {revisions.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : revisions.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(revisions.error, t)}
        </p>
      ) : (
        <>
          {plan.canEdit && dirty ? <p className="notice">{t('plans.history.saveFirst')}</p> : null}
          <TableScroll labelledBy={captionId}>
            <table className="data-table plan-history-table">
              <caption id={captionId} className="visually-hidden">
                {t('plans.history.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.history.revision')}</th>
                  <th scope="col">{t('plans.history.savedAt')}</th>
                  <th scope="col">{t('plans.history.savedBy')}</th>
                  <th scope="col">{t('plans.history.changed')}</th>
                  {plan.canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('plans.history.restoreColumn')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.revision}>
                    <th scope="row" className="nowrap">
                      {formatNumber(r.revision)}
                      {r.revision === plan.revision ? (
                        <span className="muted"> {t('plans.history.current')}</span>
                      ) : null}
                    </th>
                    <td className="nowrap">
                      {formatDate(r.savedAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    </td>
                    <td>{savedByName(r.savedBy, r.savedByName)}</td>
                    <td className="plan-history-changed">
                      {r.changedSections
                        .map((s) => {
                          const key = changedSectionKeys[s];
                          return key ? t(key) : s;
                        })
                        .join(', ')}
                      {r.restoredFrom !== null ? (
                        <span className="evidence">
                          {t('plans.history.restoredFrom', {
                            revision: formatNumber(r.restoredFrom),
                          })}
                        </span>
                      ) : null}
                    </td>
                    {plan.canEdit ? (
                      <td>
                        {r.revision === plan.revision ? null : confirming === r.revision ? (
                          <ConfirmRestore
                            revision={r.revision}
                            pending={restore.isPending}
                            onConfirm={() => doRestore(r.revision)}
                            onCancel={() => setConfirming(null)}
                          />
                        ) : (
                          <button
                            type="button"
                            className="button"
                            disabled={dirty}
                            aria-label={t('plans.history.restoreLabel', {
                              revision: formatNumber(r.revision),
                            })}
                            onClick={() => setConfirming(r.revision)}
                          >
                            {t('plans.history.restore')}
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {restore.isError && !conflictPlan(restore.error) ? (
            <p className="form-error" role="alert">
              {errorMessage(restore.error, t)}
            </p>
          ) : null}
          {items.length > 1 ? (
            <ComparePicker
              key={items[0]?.revision}
              planId={planId}
              revisions={items}
              organizationName={organizationName}
            />
          ) : (
            <p className="muted">{t('plans.history.oneOnly')}</p>
          )}
        </>
      )}
    </section>
  );
}
