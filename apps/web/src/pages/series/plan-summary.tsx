// The turn-the-curve plan beside the curve, read-only and compact: the five sections in brief,
// with the way to the plan editor and to the printable report.

import type { Plan } from '@rba/schema';
import { Link } from 'react-router';
import { CurveReportLink } from '../../components/curve-report-link';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';

export function planEditorPath(measureId: string): string {
  return `/plans/${encodeURIComponent(measureId)}`;
}

const statusKeys = {
  planned: 'series.plan.status.planned',
  in_progress: 'series.plan.status.in_progress',
  done: 'series.plan.status.done',
  dropped: 'series.plan.status.dropped',
} as const;

const narrativeLength = 280;

function excerpt(text: string): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= narrativeLength) return clean;
  const cut = clean.slice(0, narrativeLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), narrativeLength - 40))}…`;
}

export function PlanSummary({
  plan,
  measureName,
  organizationName,
}: {
  plan: Plan;
  measureName: string;
  /** An organization by id (its name and stored French), for partners and owners; null when it is not known here. */
  organizationName: (id: string) => { name: string; nameFr: string | null } | null;
}) {
  const { t, formatDate } = useI18n();
  const exists = plan.id !== null && plan.revision > 0;
  const organization = (id: string | null) => {
    const found = id ? organizationName(id) : null;
    return found ? <NameText text={found.name} french={found.nameFr} /> : null;
  };
  const partnerName = (p: Plan['partners'][number]) =>
    p.name ?? organization(p.organizationId) ?? t('series.plan.partnerUnknown');
  const ownerName = (a: Plan['actions'][number]) => {
    const org = organization(a.ownerOrganizationId);
    if (a.ownerName && org)
      return (
        <>
          {a.ownerName}, {org}
        </>
      );
    return a.ownerName || org;
  };
  const openActions = plan.actions.filter(
    (a) => a.status === 'planned' || a.status === 'in_progress',
  );
  const chosen = plan.whatWorks.filter((idea) => idea.chosen);

  return (
    <aside className="plan-summary panel" aria-labelledby="plan-summary-title">
      <h2 id="plan-summary-title" className="section-title">
        {t('series.plan.title')}
      </h2>
      {!exists ? (
        <p className="muted">{t('series.plan.none')}</p>
      ) : (
        <>
          {plan.updatedAt ? (
            <p className="muted plan-summary-meta">
              {t('series.plan.revision', {
                revision: String(plan.revision),
                date: formatDate(plan.updatedAt),
              })}
            </p>
          ) : null}
          <section className="plan-summary-section" aria-labelledby="plan-story">
            <h3 id="plan-story">{t('series.plan.story')}</h3>
            {plan.story.narrative.trim() ? <p>{excerpt(plan.story.narrative)}</p> : null}
            <p className="muted">
              {t('series.plan.forces', {
                up: plan.story.forcesUp.length,
                down: plan.story.forcesDown.length,
              })}
            </p>
          </section>
          <section className="plan-summary-section" aria-labelledby="plan-partners">
            <h3 id="plan-partners">{t('series.plan.partners')}</h3>
            {plan.partners.length === 0 ? (
              <p className="muted">{t('series.plan.emptySection')}</p>
            ) : (
              <ul className="plan-summary-list">
                {plan.partners.map((p) => (
                  <li key={p.id}>{partnerName(p)}</li>
                ))}
              </ul>
            )}
          </section>
          <section className="plan-summary-section" aria-labelledby="plan-what-works">
            <h3 id="plan-what-works">{t('series.plan.whatWorks')}</h3>
            {plan.whatWorks.length === 0 ? (
              <p className="muted">{t('series.plan.emptySection')}</p>
            ) : (
              <>
                <p className="muted">
                  {t('series.plan.ideas', { count: plan.whatWorks.length, chosen: chosen.length })}
                </p>
                {chosen.length > 0 ? (
                  <ul className="plan-summary-list">
                    {chosen.map((idea) => (
                      <li key={idea.id}>{idea.idea}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            )}
          </section>
          <section className="plan-summary-section" aria-labelledby="plan-actions">
            <h3 id="plan-actions">{t('series.plan.actions')}</h3>
            {plan.actions.length === 0 ? (
              <p className="muted">{t('series.plan.emptySection')}</p>
            ) : (
              <>
                <p className="muted">
                  {t('series.plan.actionCounts', {
                    open: openActions.length,
                    total: plan.actions.length,
                  })}
                </p>
                <ul className="plan-summary-list plan-summary-actions">
                  {openActions.map((action) => (
                    <li key={action.id}>
                      <span className="plan-action-title">{action.title}</span>
                      <span className="plan-action-meta">
                        {t(statusKeys[action.status])}
                        {action.dueDate
                          ? ` · ${t('series.plan.due', { date: formatDate(action.dueDate) })}`
                          : ''}
                        {ownerName(action) ? <> · {ownerName(action)}</> : null}
                      </span>
                      {action.overdue ? (
                        <span className="plan-action-overdue">{t('series.plan.overdue')}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section className="plan-summary-section" aria-labelledby="plan-agenda">
            <h3 id="plan-agenda">{t('series.plan.agenda')}</h3>
            {plan.dataDevelopmentAgenda.length === 0 ? (
              <p className="muted">{t('series.plan.emptySection')}</p>
            ) : (
              <ul className="plan-summary-list">
                {plan.dataDevelopmentAgenda.map((item) => (
                  <li key={item.id}>{item.name}</li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <p className="plan-summary-links">
        {exists || plan.canEdit ? (
          <Link to={planEditorPath(plan.measureId)} className="button">
            {t(
              exists
                ? plan.canEdit
                  ? 'series.plan.edit'
                  : 'series.plan.open'
                : 'series.plan.start',
            )}
          </Link>
        ) : null}
        <CurveReportLink measureId={plan.measureId} measureName={measureName} />
      </p>
    </aside>
  );
}
