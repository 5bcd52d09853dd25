// Shown when someone else saved the plan while this person was editing it (409 REVISION_CONFLICT):
// who saved what, their version of the sections they changed, and the two ways forward.

import { useEffect, useRef } from 'react';
import type { Plan, PlanSectionName } from '../../api/plans-api';
import { useI18n } from '../../i18n/i18n-provider';
import { itemSummary, useFormatters } from './plan-comparison';
import { changedSections, draftFromPlan, type PlanDraft, sectionsOf } from './plan-draft';

const sectionKeys = {
  story: 'plans.section.story',
  partners: 'plans.section.partners',
  whatWorks: 'plans.section.whatWorks',
  actions: 'plans.section.actions',
  dataDevelopmentAgenda: 'plans.section.dataDevelopmentAgenda',
} as const;

function TheirSection({
  name,
  plan,
  organizationName,
}: {
  name: PlanSectionName;
  plan: Plan;
  organizationName: (id: string) => string;
}) {
  const f = useFormatters(organizationName);
  const { t } = f;
  const sections = sectionsOf(draftFromPlan(plan));
  const list = (section: string, items: readonly unknown[]) =>
    items.length === 0 ? (
      <p className="muted">{t('plans.empty')}</p>
    ) : (
      <ul className="plain-list">
        {items.map((item) => (
          <li key={(item as { id?: string }).id}>{itemSummary(section, item, f)}</li>
        ))}
      </ul>
    );
  if (name === 'story') {
    return (
      <>
        <h5 className="plan-diff-title">{t('plans.story.forcesUp')}</h5>
        {list('story.forcesUp', sections.story.forcesUp)}
        <h5 className="plan-diff-title">{t('plans.story.forcesDown')}</h5>
        {list('story.forcesDown', sections.story.forcesDown)}
        <h5 className="plan-diff-title">{t('plans.story.narrative')}</h5>
        <p className="narrative">{sections.story.narrative || t('plans.compare.none')}</p>
      </>
    );
  }
  return list(name, sections[name]);
}

export function ConflictPanel({
  mine,
  myBase,
  myRevision,
  theirs,
  savedByName,
  organizationName,
  onReapply,
  onTakeTheirs,
}: {
  mine: PlanDraft;
  myBase: PlanDraft;
  myRevision: number;
  theirs: Plan;
  savedByName: (userId: string | null, name?: string | null) => string;
  organizationName: (id: string) => string;
  onReapply: () => void;
  onTakeTheirs: () => void;
}) {
  const { t, formatDate } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const theirChanges = changedSections(myBase, draftFromPlan(theirs));
  const myChanges = changedSections(myBase, mine);
  const both = myChanges.filter((s) => theirChanges.includes(s));
  const names = (list: PlanSectionName[]) =>
    list.length === 0
      ? t('plans.conflict.noSections')
      : list.map((s) => t(sectionKeys[s])).join(', ');

  // Focus comes here (the save bar says why), so nobody keeps typing into an out-of-date plan.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="plan-conflict" aria-labelledby="plan-conflict-heading">
      <h2 id="plan-conflict-heading" ref={heading} tabIndex={-1} className="plan-section-title">
        <span aria-hidden="true">⚠ </span>
        {t('plans.conflict.title')}
      </h2>
      <p>
        {t('plans.conflict.body', {
          who: savedByName(theirs.updatedBy, theirs.updatedByName),
          revision: theirs.revision,
          date: theirs.updatedAt
            ? formatDate(theirs.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })
            : '',
          mine: myRevision,
        })}
      </p>
      <dl className="plan-conflict-summary">
        <div>
          <dt>{t('plans.conflict.theyChanged')}</dt>
          <dd>{names(theirChanges)}</dd>
        </div>
        <div>
          <dt>{t('plans.conflict.youChanged')}</dt>
          <dd>{names(myChanges)}</dd>
        </div>
      </dl>
      {both.length > 0 ? (
        <p className="plan-conflict-both">{t('plans.conflict.both', { sections: names(both) })}</p>
      ) : null}
      {theirChanges.length > 0 ? (
        <details className="plan-conflict-theirs" open>
          <summary>{t('plans.conflict.theirVersion', { revision: theirs.revision })}</summary>
          {theirChanges.map((name) => (
            <div key={name} className="plan-diff-section">
              <h4 className="plan-subtitle">{t(sectionKeys[name])}</h4>
              <TheirSection name={name} plan={theirs} organizationName={organizationName} />
            </div>
          ))}
        </details>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onReapply}>
          {t('plans.conflict.reapply')}
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          {t('plans.conflict.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
